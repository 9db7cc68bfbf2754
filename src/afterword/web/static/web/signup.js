// Start the time zone list at the browser's own zone; the person can still pick another.
// Loaded only with a blank form: a form sent back with errors keeps what was chosen.
document.addEventListener("DOMContentLoaded", () => {
  const select = document.getElementById("id_timezone");
  if (!select) return;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if ([...select.options].some((option) => option.value === zone)) select.value = zone;
});
