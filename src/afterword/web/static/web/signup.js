// Sign-up: take the time zone from the browser, and start the country at that zone's country.
// A static file (the Content Security Policy allows no inline script); without it the server
// falls back to the main zone of the chosen country.
document.addEventListener("DOMContentLoaded", () => {
  const field = document.getElementById("id_timezone");
  if (!field) return;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  if (!zone) return;
  field.value = zone;
  const note = document.getElementById("zone-note");
  if (note) {
    note.textContent = `Your time zone: ${zone.replaceAll("_", " ")}, from your browser. You can change it in Settings.`;
  }
  // A form sent back with errors keeps the country the person chose.
  const country = document.getElementById("id_country");
  if (!country || field.form.dataset.bound === "yes") return;
  // Each country option lists its zones (data-zones), from the IANA zone table.
  const match = [...country.options].find((option) =>
    (option.dataset.zones || "").split(" ").includes(zone),
  );
  if (match) country.value = match.value;
});
