/* Jouw keuze, anonymous: the leader names the options, then either enters a hand count or lets the
   participants pass the device and tap once each. The counts stay hidden until "Toon uitslag". Only
   the options and the counts are kept: never a name, never who chose what or in which order. */
import { announce, el } from "./dom.js";

/** A fresh tally with these option names. */
export const newTally = (options = ["", ""]) => ({ options: [...options], counts: options.map(() => 0), mode: "device", revealed: false });

/** The named options with their counts (empty names left out). */
export const results = (t) => t.options.map((name, i) => ({ name: name.trim(), count: t.counts[i] || 0 })).filter((r) => r.name);

/** Draw the tally `t` into `box`; `changed()` is called after every change (to save), `live` is the
  page's live region. Returns nothing; the tally object is changed in place. */
export function drawTally(box, t, changed, live) {
  const id = (s) => `gs-tally-${s}`;
  const total = () => t.counts.reduce((a, b) => a + b, 0);
  function update() { changed(); draw(); }

  function optionsEditor() {
    const fs = el("fieldset", { class: "ks-gs-tally__options" });
    fs.append(el("legend", {}, "De keuzes"));
    t.options.forEach((name, i) => {
      const row = el("div", { class: "ks-gs-tally__option" });
      const input = el("input", { type: "text", id: id("option-" + i), autocomplete: "off", value: name });
      input.addEventListener("input", () => { t.options[i] = input.value; changed(); drawRest(); });
      row.append(el("label", { for: input.id }, `Keuze ${i + 1}`), input);
      if (t.options.length > 2 && !total()) {
        const rm = el("button", { type: "button", class: "md-button", "aria-label": `Keuze ${i + 1} weghalen` }, "Weghalen");
        rm.addEventListener("click", () => { t.options.splice(i, 1); t.counts.splice(i, 1); update(); });
        row.append(rm);
      }
      fs.append(row);
    });
    if (!total()) {
      const add = el("button", { type: "button", class: "md-button", id: id("add") }, "Keuze toevoegen");
      add.addEventListener("click", () => { t.options.push(""); t.counts.push(0); update(); document.getElementById(id("option-" + (t.options.length - 1)))?.focus(); });
      fs.append(add);
    }
    return fs;
  }

  function modeChoice() {
    const fs = el("fieldset", { class: "ks-gs-tally__mode" });
    fs.append(el("legend", {}, "Hoe tellen we?"));
    for (const [mode, label] of [["device", "Iedereen tikt zelf één keer (geef het apparaat door)"], ["hand", "De gespreksleider telt de handen"]]) {
      const r = el("input", { type: "radio", name: "gs-tally-mode", id: id("mode-" + mode), value: mode, checked: t.mode === mode });
      r.addEventListener("change", () => { t.mode = mode; update(); document.getElementById(id("mode-" + mode))?.focus(); });
      const row = el("div");
      row.append(r, el("label", { for: r.id }, label));
      fs.append(row);
    }
    return fs;
  }

  function voting(named) {
    const wrap = el("div", { class: "ks-gs-tally__vote" });
    if (t.mode === "hand") {
      named.forEach(({ name }) => {
        const i = t.options.findIndex((o) => o.trim() === name);
        const input = el("input", { type: "number", min: "0", step: "1", inputmode: "numeric", id: id("count-" + i), value: String(t.counts[i] || 0) });
        input.addEventListener("change", () => { t.counts[i] = Math.max(0, parseInt(input.value, 10) || 0); changed(); });
        const row = el("div", { class: "ks-gs-tally__count" });
        row.append(el("label", { for: input.id }, `Handen voor ${name}`), input);
        wrap.append(row);
      });
      return wrap;
    }
    wrap.append(el("p", { class: "ks-gs__hint" }, "Tik één keer op je keuze en geef het apparaat door. Niemand ziet de uitslag tot de gespreksleider die toont."));
    const buttons = el("div", { class: "ks-gs-tally__buttons" });
    named.forEach(({ name }) => {
      const i = t.options.findIndex((o) => o.trim() === name);
      const b = el("button", { type: "button", class: "md-button ks-gs-tally__choice", "data-option": String(i) }, name);
      b.addEventListener("click", () => {
        t.counts[i] = (t.counts[i] || 0) + 1;
        changed();
        box.querySelector("[data-ks-tally-cast]").textContent = castText();
        if (total() === 1) draw(); // once counted, options can no longer be added or removed
        announce(live, "Je keuze is geteld. Geef het apparaat door.");
      });
      buttons.append(b);
    });
    wrap.append(buttons, el("p", { class: "ks-gs-tally__cast", "data-ks-tally-cast": "" }, castText()));
    return wrap;
  }
  const castText = () => (total() === 1 ? "1 keuze geteld." : `${total()} keuzes geteld.`);

  function chart(named) {
    const max = Math.max(1, ...named.map((r) => r.count));
    const sum = named.reduce((a, r) => a + r.count, 0);
    const list = el("ul", { class: "ks-gs-chart", "aria-label": `Uitslag, ${sum} in totaal` });
    for (const r of named) {
      const li = el("li");
      const bar = el("span", { class: "ks-gs-chart__bar", "aria-hidden": "true" });
      bar.style.width = `${(r.count / max) * 100}%`;
      li.append(el("span", { class: "ks-gs-chart__name" }, r.name), el("span", { class: "ks-gs-chart__track" }), el("span", { class: "ks-gs-chart__count" }, String(r.count)));
      li.children[1].append(bar);
      list.append(li);
    }
    return list;
  }

  let rest = null;
  function draw() {
    rest = el("div", { class: "ks-gs-tally__rest" });
    box.replaceChildren(el("h4", {}, "Jouw keuze, anoniem"));
    if (!t.revealed) box.append(optionsEditor(), modeChoice());
    box.append(rest);
    drawRest();
  }
  function drawRest() {
    const named = results(t);
    if (named.length < 2) {
      rest.replaceChildren(el("p", { class: "ks-gs__hint" }, "Geef minstens twee keuzes een naam om te kunnen kiezen."));
      return;
    }
    rest.replaceChildren();
    const actions = el("div", { class: "ks-gs__actions" });
    if (!t.revealed) {
      rest.append(voting(named));
      const show = el("button", { type: "button", class: "md-button", id: id("reveal") }, "Toon uitslag");
      show.classList.add("md-button--primary");
      show.addEventListener("click", () => { t.revealed = true; update(); announce(live, `Uitslag: ${results(t).map((r) => `${r.name} ${r.count}`).join(", ")}.`); box.querySelector(".ks-gs-chart")?.focus(); });
      actions.append(show);
    } else {
      const c = chart(named);
      c.setAttribute("tabindex", "-1");
      rest.append(c);
      const hide = el("button", { type: "button", class: "md-button", id: id("hide") }, "Verberg uitslag");
      hide.addEventListener("click", () => { t.revealed = false; update(); });
      actions.append(hide);
    }
    const reset = el("button", { type: "button", class: "md-button", id: id("reset") }, "Opnieuw kiezen");
    reset.addEventListener("click", () => {
      if (!total() || window.confirm("De getelde keuzes wissen en opnieuw kiezen?")) { t.counts = t.options.map(() => 0); t.revealed = false; update(); }
    });
    actions.append(reset);
    rest.append(actions);
  }
  draw();
}
