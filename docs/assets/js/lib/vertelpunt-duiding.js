/* The duidingsvragen in the vertelpunt (situations/duiding.yml, handed over in the page's data
   block): sliders between two poles and choices, each with "sla over" as an answer of its own. The
   answers go only into the JSON file for a team's vertelronde, never into the Markdown file, the
   issue link or the e-mail. Controls carry no form name of their own that the form's read() keeps:
   this module reads and writes them. */
import { cap, el } from "./dom.js";

/** Words for a slider position, e.g. "70 van 100, dichter bij: samen". */
export function sliderText(q, v) {
  if (v === null || v === undefined) return "overgeslagen";
  const side = v === 50 ? "precies in het midden" : "dichter bij: " + (v < 50 ? q.left : q.right);
  return `${v} van 100, ${side}`;
}

function slider(key, q) {
  const id = "dv-" + key, box = el("div", { class: "ks-dv__slider" });
  const poles = el("div", { class: "ks-dv__poles", "aria-hidden": "true" });
  poles.append(el("span", {}, cap(q.left)), el("span", {}, cap(q.right)));
  const range = el("input", { type: "range", id, min: "0", max: "100", step: "5", value: "50",
    "aria-describedby": [id + "-poles", id + "-out"].join(" "), "data-ks-dv-slider": key });
  const skip = el("input", { type: "checkbox", id: id + "-skip", checked: true, "data-ks-dv-skip": key });
  const skipRow = el("div", { class: "ks-dv__skip" });
  skipRow.append(skip, el("label", { for: id + "-skip" }, "Sla deze vraag over"));
  box.append(el("label", { for: id }, q.question), poles, range,
    el("p", { class: "ks-sr", id: id + "-poles" }, `0 is ${q.left}, 100 is ${q.right}.`),
    el("p", { class: "ks-dv__out", id: id + "-out" }, "Overgeslagen."), skipRow);
  return box;
}

function choice(key, q) {
  const id = "dv-" + key, box = el("fieldset", { class: "ks-dv__choice", id });
  box.append(el("legend", {}, q.question));
  const list = el("div", { class: "ks-vp__checks" });
  const option = (value, label, checked) => {
    const div = el("div"), oid = `${id}-${value || "overslaan"}`;
    div.append(el("input", { type: q.multiple ? "checkbox" : "radio", id: oid, name: id, value, checked,
      "data-ks-dv-choice": key }), el("label", { for: oid }, label));
    return div;
  };
  list.append(...Object.entries(q.options).map(([value, label]) => option(value, cap(label), false)));
  if (q.multiple) box.append(el("p", { class: "ks-vp__hint" }, "Kies alles wat past. Niets aangevinkt telt als overgeslagen."));
  else list.append(option("", "Sla over", true));
  box.append(list);
  return box;
}

/** Build the duidingsvragen into `root`; returns read(), write(answers), reset() and refresh(). */
export function duidingForm(root, duiding) {
  root.append(...Object.entries(duiding.sliders).map(([k, q]) => slider(k, q)),
              ...Object.entries(duiding.choices).map(([k, q]) => choice(k, q)));
  const q$ = (sel) => root.querySelector(sel);

  function refresh() {
    for (const [key, q] of Object.entries(duiding.sliders)) {
      const range = q$(`[data-ks-dv-slider="${key}"]`), skipped = q$(`[data-ks-dv-skip="${key}"]`).checked;
      const text = sliderText(q, skipped ? null : Number(range.value));
      range.setAttribute("aria-valuetext", text);
      range.classList.toggle("ks-dv--skipped", skipped);
      q$(`#dv-${key}-out`).textContent = cap(text) + ".";
    }
  }
  root.addEventListener("input", (e) => {
    const key = e.target.dataset.ksDvSlider;
    if (key) q$(`[data-ks-dv-skip="${key}"]`).checked = false;
    refresh();
  });
  root.addEventListener("change", refresh);

  /** The answers: a number 0–100, a key, a list of keys, or null for "overgeslagen". */
  function read() {
    const a = {};
    for (const key of Object.keys(duiding.sliders))
      a[key] = q$(`[data-ks-dv-skip="${key}"]`).checked ? null : Number(q$(`[data-ks-dv-slider="${key}"]`).value);
    for (const [key, q] of Object.entries(duiding.choices)) {
      const picked = [...root.querySelectorAll(`[data-ks-dv-choice="${key}"]:checked`)].map((e) => e.value).filter(Boolean);
      a[key] = q.multiple ? (picked.length ? picked : null) : (picked[0] || null);
    }
    return a;
  }
  function write(a) {
    a = a || {};
    for (const key of Object.keys(duiding.sliders)) {
      const v = a[key];
      q$(`[data-ks-dv-skip="${key}"]`).checked = typeof v !== "number";
      q$(`[data-ks-dv-slider="${key}"]`).value = typeof v === "number" ? String(v) : "50";
    }
    for (const [key, q] of Object.entries(duiding.choices)) {
      const want = q.multiple ? (Array.isArray(a[key]) ? a[key] : []) : [a[key] || ""];
      root.querySelectorAll(`[data-ks-dv-choice="${key}"]`).forEach((e) => { e.checked = want.includes(e.value); });
    }
    refresh();
  }
  refresh();
  return { read, write, reset: () => write({}), refresh };
}
