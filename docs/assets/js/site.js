/* Small progressive enhancements: the print button and the question-card filters. */
(function () {
  function showChosenSituation() {
    var box = document.querySelector("[data-ks-chosen]");
    if (!box || box.dataset.ksReady) return;
    var id = new URLSearchParams(window.location.search).get("situatie");
    var item = id && JSON.parse(box.dataset.ksSituations)[id];
    if (!item) return;
    box.dataset.ksReady = "1";
    function para(parts) {
      var p = document.createElement("p");
      parts.forEach(function (part) {
        if (typeof part === "string") { p.appendChild(document.createTextNode(part)); return; }
        var el = document.createElement(part[0]);
        el.textContent = part[1];
        if (part[2]) el.setAttribute("href", part[2]);
        if (part[3]) el.setAttribute("download", "");
        p.appendChild(el);
      });
      box.appendChild(p);
    }
    para([["a", item[0], item[3]], " – " + item[1]]);
    para(["Kernvraag: " + item[2]]);
    para(["Open de ", ["a", "situatie", item[3]], " en kies Print gespreksvel, of ",
          ["a", "download de pdf", item[4], true], ". Wil je met kaarten werken? Druk dan de ",
          ["a", "vragenkaarten", box.dataset.ksCards], " af."]);
    box.hidden = false;
  }
  function init() {
    // Task-list checkboxes (printable checklists) have no label of their own: name them by their item.
    document.querySelectorAll(".task-list-item > input[type=checkbox]:not([aria-label])").forEach(function (box) {
      box.setAttribute("aria-label", box.parentNode.textContent.replace(/\s+/g, " ").trim());
    });
    showChosenSituation();
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
