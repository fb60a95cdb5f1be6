/* The card sheets narrowed to one collection, themed question set or situation
   (?collectie=<id>, ?set=<id>, ?situatie=<id>), laid out again eight cards to an A4 sheet.
   Without JavaScript the page shows, and prints, the whole deck. */
import { announce } from "../lib/dom.js";

const KINDS = ["collectie", "set", "situatie"];

/** Does a card (its data-ks-group and data-ks-collection) belong to the choice "kind:id"? */
export function belongs(card, choice) {
  if (!choice) return true;
  const [kind, id] = choice.split(":");
  if (kind === "collectie") return card.dataset.ksCollection === id;
  if (kind === "set") return card.dataset.ksGroup === `set-${id}`;
  return card.dataset.ksGroup === id;
}

export function mount(form) {
  const select = form.elements.kaarten;
  const perSheet = Number(form.dataset.ksPerSheet) || 8;
  const intro = form.nextElementSibling;
  const sheets = intro.nextElementSibling;
  const cards = [...sheets.querySelectorAll(".ks-cutcard")];
  const params = new URLSearchParams(window.location.search);
  const kind = KINDS.find((k) => params.get(k));
  const wanted = kind ? `${kind}:${params.get(kind)}` : "";
  if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;

  function apply(speak) {
    const chosen = cards.filter((c) => belongs(c, select.value));
    const pages = [];
    for (let i = 0; i < chosen.length; i += perSheet) {
      const sheet = document.createElement("div");
      sheet.className = "ks-sheet";
      sheet.append(...chosen.slice(i, i + perSheet));
      pages.push(sheet);
    }
    sheets.replaceChildren(...pages);
    const what = select.value ? select.selectedOptions[0].textContent : "";
    const text = `${chosen.length} kaarten${what ? ` (${what})` : ""} op ${pages.length} ${pages.length === 1 ? "vel" : "vellen"} A4. Knip langs de snijlijnen.`;
    if (speak) announce(intro, text); else intro.textContent = text;
    const url = new URL(window.location.href);
    KINDS.forEach((k) => url.searchParams.delete(k));
    if (select.value) url.searchParams.set(...select.value.split(/:(.*)/s).slice(0, 2));
    history.replaceState(history.state, "", url);
  }
  select.addEventListener("change", () => apply(true));
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  apply(false);
}
