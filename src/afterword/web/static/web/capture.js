// The interview form: the "Goes to" pickers name each interviewer row by the name typed in it,
// so a person added on this page can be chosen before saving. Without this file the options
// read "Interviewer 1", "Interviewer 2" until the page is saved once.
(function () {
  "use strict";

  const pickers = document.querySelectorAll("select[name$='_for']");
  if (!pickers.length) return;

  function rename(input) {
    const match = /^people-(\d+)-name$/.exec(input.name);
    if (!match) return;
    const label = input.value.trim() || "Interviewer " + (Number(match[1]) + 1);
    pickers.forEach((picker) => {
      const option = picker.querySelector("option[value='row-" + match[1] + "']");
      if (option) option.textContent = label;
    });
  }

  document.querySelectorAll("input[name^='people-'][name$='-name']").forEach((input) => {
    input.addEventListener("input", () => rename(input));
  });
})();
