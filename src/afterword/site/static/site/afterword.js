// Behaviour shared by every page. A static file, not inline code: the Content Security Policy
// allows scripts from this site's files only.

// A throttled request (429) shows its message where the answer would have gone.
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.xhr.status === 429) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// A request that fails (an old tab, a lost connection, a server error) says so next to the
// button that sent it; the page stays as it was, and nothing the person typed is lost.
const PROBLEMS = {
  network: "Afterword could not be reached: check your connection, then try again.",
  gone: "This has changed since the page was shown.",
  session: "Your session has ended or the page is too old: reload it, then try again.",
  busy: "Too many tries in a row: wait a moment, then try again.",
  server: "Something went wrong on our side and nothing was changed. Try again in a moment.",
};

function problemFor(status) {
  if (status === 0) return PROBLEMS.network;
  if (status === 404 || status === 410) return PROBLEMS.gone;
  if (status === 401 || status === 403) return PROBLEMS.session;
  if (status === 429) return PROBLEMS.busy;
  return status >= 500 ? PROBLEMS.server : PROBLEMS.gone;
}

function showProblem(source, text) {
  if (!(source instanceof Element)) return;
  const host = source.closest("form") || source;
  const old = host.parentElement && host.parentElement.querySelector(":scope > .hx-problem");
  if (old) old.remove();
  const note = document.createElement("p");
  note.className = "hx-problem";
  note.setAttribute("role", "alert");
  note.textContent = text + " ";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.className = "link-button";
  reload.dataset.reload = "";
  reload.textContent = "Reload the page";
  note.append(reload);
  host.insertAdjacentElement("afterend", note);
}

document.addEventListener("htmx:responseError", (event) => {
  showProblem(event.detail.elt, problemFor(event.detail.xhr.status));
});
document.addEventListener("htmx:sendError", (event) => {
  showProblem(event.detail.elt, PROBLEMS.network);
});
document.addEventListener("htmx:timeout", (event) => {
  showProblem(event.detail.elt, PROBLEMS.network);
});
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-reload]")) {
    window.location.reload();
  }
});

// Buttons marked data-print print the page (the checklist).
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) window.print();
});
