/* "Je bereidt een gesprek voor over …": the situation named in ?situatie=<id>, from the catalogue,
   with its conversation pack (the form opens the situation's handout with the chosen running order,
   see conversation-pack.js), its PDF and its own question cards. */
import { catalogue, siteUrl } from "../lib/catalogue.js";
import { el } from "../lib/dom.js";

export async function mount(box) {
  const id = new URLSearchParams(window.location.search).get("situatie");
  if (!id) return;
  const entry = (await catalogue()).entries.find((e) => e.id === id && e.type === "situatie");
  if (!entry) return;
  const link = (text, href, download) => el("a", { href, download }, text);
  const form = box.querySelector("form");
  const first = el("p");
  first.append(link(entry.title, siteUrl(entry.url)), ` – ${entry.summary} (${entry.word_count} woorden)`);
  const how = el("p");
  how.append("Kies de lengte en de vorm van het gesprek en open het gespreksvel om af te drukken");
  if (entry.pdf) how.append(" (de ", link("pdf", siteUrl(entry.pdf), true), " heeft het gesprek van negentig minuten)");
  how.append(".");
  const cards = el("p");
  const cardsUrl = new URL(box.dataset.ksCards, window.location.href);
  cardsUrl.searchParams.set("situatie", entry.id);
  cards.append("Wil je met kaarten werken? Druk dan de ", link("vragenkaarten van deze situatie", cardsUrl.href), " af.");
  form.action = siteUrl(entry.url);
  form.before(first, el("p", {}, `Kernvraag: ${entry.key_question}`), how);
  form.after(cards);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const url = new URL(form.action);
    for (const [k, v] of new FormData(form)) if (v) url.searchParams.set(k, v);
    url.hash = "gesprekspakket";
    window.location.assign(url.href);
  });
  box.hidden = false;
}
