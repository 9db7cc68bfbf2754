// Copy the address. The clipboard API needs HTTPS or localhost; elsewhere the field is
// selected so that the usual copy shortcut works, and the status line says so.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("copy-feed");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById("copy-status");
  field.addEventListener("focus", () => field.select());
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = "Copied.";
    } catch (error) {
      field.focus();
      field.select();
      status.textContent = "Selected: press Ctrl+C or ⌘C to copy.";
    }
  });
});
