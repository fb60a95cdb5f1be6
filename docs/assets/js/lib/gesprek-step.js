/* What the conversation view shows beside a step: the story (large, scrollable) or the questions by
   side of good work, one at a time if the leader wants. Story and questions are set as text. */
import { el } from "./dom.js";

/** The story of an entry (its Markdown) as paragraphs and headings of plain text. */
export function storyBlock(entry) {
  const box = el("div", { class: "ks-gs-story", tabindex: "0", role: "region", "aria-label": `De situatie: ${entry.title}` });
  for (const part of String(entry.story || "").split(/\n\s*\n/)) {
    const text = part.replace(/\s*\n\s*/g, " ").trim();
    if (!text) continue;
    const heading = text.match(/^#{1,6}\s+(.*)$/);
    const plain = (s) => s.replace(/\*\*(.+?)\*\*|__(.+?)__|\*(.+?)\*|_(.+?)_/g, "$1$2$3$4").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
    box.append(heading ? el("h4", {}, plain(heading[1])) : el("p", {}, plain(text.replace(/^>\s?/, ""))));
  }
  return box;
}

/** The questions by side; with `one` on, a single question at a time with its own buttons.
  `state` ({one, at}) is kept by the caller; `changed()` is called when it changes. */
export function questionsBlock(entry, sides, state, changed) {
  const box = el("div", { class: "ks-gs-questions" });
  const all = [];
  for (const side of sides) for (const q of (entry.questions || {})[side.key] || []) all.push({ side, q });
  const toggleId = "gs-one-question";
  const toggle = el("input", { type: "checkbox", id: toggleId, checked: !!state.one });
  const row = el("p", { class: "ks-gs-questions__toggle" });
  row.append(toggle, el("label", { for: toggleId }, " Eén vraag tegelijk"));
  box.append(row);
  const body = el("div", { class: "ks-gs-questions__body" });
  box.append(body);

  function draw() {
    if (!all.length) { body.replaceChildren(el("p", {}, "Deze situatie heeft geen eigen vragen. Kies vragen van de vragenkaarten.")); return; }
    if (!state.one) {
      body.replaceChildren(...sides.filter((s) => ((entry.questions || {})[s.key] || []).length).map((s) => {
        const part = el("section", { class: `ks-gs-questions__side ks-gs-questions__side--${s.key}` });
        const list = el("ul");
        list.append(...entry.questions[s.key].map((q) => el("li", {}, q)));
        part.append(el("h4", {}, s.label), list);
        return part;
      }));
      return;
    }
    const at = Math.min(Math.max(0, state.at || 0), all.length - 1);
    const { side, q } = all[at];
    const prev = el("button", { type: "button", class: "md-button", id: "gs-q-prev", disabled: at === 0 }, "Vorige vraag");
    const next = el("button", { type: "button", class: "md-button", id: "gs-q-next", disabled: at === all.length - 1 }, "Volgende vraag");
    prev.addEventListener("click", () => { state.at = at - 1; changed(); draw(); document.getElementById("gs-q-prev")?.focus(); });
    next.addEventListener("click", () => { state.at = at + 1; changed(); draw(); document.getElementById("gs-q-next")?.focus(); });
    const nav = el("div", { class: "ks-gs__actions" });
    nav.append(prev, next);
    body.replaceChildren(el("p", { class: "ks-gs-questions__side-label" }, `${side.label}, vraag ${at + 1} van ${all.length}`),
      el("p", { class: "ks-gs-questions__one", "aria-live": "polite" }, q), nav);
  }
  toggle.addEventListener("change", () => { state.one = toggle.checked; state.at = 0; changed(); draw(); });
  draw();
  return box;
}
