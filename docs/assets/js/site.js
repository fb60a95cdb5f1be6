/* Small progressive enhancements: the print button and the question-card filters. */
(function () {
  function init() {
    document.querySelectorAll("[data-ks-print]").forEach(function (button) {
      if (button.dataset.ksReady) return;
      button.dataset.ksReady = "1";
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("form[data-ks-filter]").forEach(function (form) {
      if (form.dataset.ksReady) return;
      form.dataset.ksReady = "1";
      form.hidden = false;
      var deck = form.closest("[data-ks-deck]");
      var count = form.querySelector(".ks-filter__count");
      function apply() {
        var side = form.elements.side.value, theme = form.elements.theme.value, shown = 0;
        deck.querySelectorAll(".ks-qcard").forEach(function (card) {
          var ok = (!side || card.dataset.side === side) &&
                   (!theme || (" " + card.dataset.themes + " ").indexOf(" " + theme + " ") >= 0);
          card.hidden = !ok;
          if (ok) shown++;
        });
        deck.querySelectorAll(".ks-deck__group").forEach(function (group) {
          group.hidden = !group.querySelector(".ks-qcard:not([hidden])");
        });
        count.textContent = shown + " kaarten zichtbaar";
      }
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      apply();
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
