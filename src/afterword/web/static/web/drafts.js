// The draft editor: copy the message, grow the text box with its text, point at a finding,
// and keep the promised date in step with the text until the user sets it by hand.
// Everything works without this file too: it only makes the page quicker to use.
(function () {
  "use strict";

  const form = document.querySelector("[data-draft]");
  if (!form) return;
  const subject = form.querySelector("[data-draft-field='subject']");
  const body = form.querySelector("[data-draft-field='body']");
  const copyButton = form.querySelector("[data-copy]");
  const copyStatus = form.querySelector("[data-copy-status]");
  const promised = form.querySelector("input[name='promised_next']");

  // Grow the message box to fit its text, so the whole draft reads without an inner scroll
  // bar (browsers with CSS field-sizing do this already).
  function fit() {
    if (!body || CSS.supports("field-sizing", "content")) return;
    body.style.height = "auto";
    body.style.height = body.scrollHeight + 2 + "px";
  }
  if (body) {
    body.addEventListener("input", fit);
    window.addEventListener("resize", fit);
    fit();
  }

  function say(text) {
    if (!copyStatus) return;
    copyStatus.textContent = text;
    window.clearTimeout(say.timer);
    say.timer = window.setTimeout(() => { copyStatus.textContent = ""; }, 4000);
  }

  // Copy: subject, a blank line, then the message, ready to paste into any mail program.
  function copyText() {
    const parts = [];
    if (subject && subject.value.trim()) parts.push(subject.value.trim(), "");
    parts.push(body ? body.value : "");
    return parts.join("\n");
  }

  function copyByHand(text) {
    // For browsers without the asynchronous clipboard (plain http on another host).
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }

  if (copyButton) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", async () => {
      const text = copyText();
      const what = subject && subject.value.trim() ? "Subject and message copied." : "Message copied.";
      try {
        await navigator.clipboard.writeText(text);
        say(what);
      } catch (error) {
        say(copyByHand(text) ? what : "Copying is blocked here: select the text and copy it.");
      }
    });
  }

  // "Show in the text": select the words a finding is about, in the field they are in.
  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-show-field]");
    if (!button) return;
    const field = button.dataset.showField === "subject" ? subject : body;
    if (!field) return;
    field.focus();
    field.setSelectionRange(Number(button.dataset.start), Number(button.dataset.end));
  });

  // Leaving with unsaved changes asks first; saving (Save, or any button that posts the form)
  // clears the mark.
  let unsaved = false;
  form.addEventListener("input", (event) => {
    if (event.target === body || event.target === subject) unsaved = true;
  });
  form.addEventListener("submit", () => { unsaved = false; });
  document.body.addEventListener("htmx:afterSettle", (event) => {
    // The element that sent the request (htmx puts the settled content in detail.elt).
    const trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
    const status = document.getElementById("save-status");
    if (trigger && trigger.dataset && trigger.dataset.action === "save" && status &&
        !status.classList.contains("save-status--problem")) {
      unsaved = false;
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // While the checker reports an error, Mark sent and the send buttons wait, with the reason
  // beside them; the live check says when that changes (the server refuses them either way).
  document.body.addEventListener("htmx:afterSettle", () => {
    const state = document.querySelector("#findings [data-send-blocked]");
    if (!state) return;
    const reason = state.dataset.sendBlocked;
    form.querySelectorAll("[data-blockable]").forEach((button) => { button.disabled = !!reason; });
    form.querySelectorAll("[data-blocked-reason]").forEach((note) => {
      note.textContent = reason;
      note.hidden = !reason;
    });
    if (body) body.classList.toggle("has-slot", !!document.querySelector("#slot-notice mark"));
  });

  // The promised date follows the text (the checker reads it) until the user edits the date.
  if (promised) {
    promised.addEventListener("input", () => { promised.dataset.touched = "true"; });
    document.body.addEventListener("htmx:afterSettle", () => {
      const found = document.querySelector("#promise-hint [data-promised]");
      if (found && !promised.dataset.touched) promised.value = found.dataset.promised;
    });
  }
})();
