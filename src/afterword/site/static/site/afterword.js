// Behaviour shared by every page. A static file, not inline code: the Content Security Policy
// allows scripts from this site's files only.

// A throttled request (429) shows its message where the answer would have gone.
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.xhr.status === 429) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// If a button's request fails (say the action was already done in another tab), show the
// page as it now stands rather than leaving the click without an answer.
document.addEventListener("htmx:responseError", () => window.location.reload());

// Buttons marked data-print print the page (the checklist).
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) window.print();
});
