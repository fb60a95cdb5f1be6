/* "Je bereidt een gesprek voor over …": the situation named in ?situatie=<id>, from the catalogue. */
import { catalogue, siteUrl } from "../lib/catalogue.js";
import { el } from "../lib/dom.js";

export async function mount(box) {
  const id = new URLSearchParams(window.location.search).get("situatie");
  if (!id) return;
  const entry = (await catalogue()).entries.find((e) => e.id === id && e.type === "situatie");
  if (!entry) return;
  const link = (text, href, download) => el("a", { href, download }, text);
  const first = el("p");
  first.append(link(entry.title, siteUrl(entry.url)), ` – ${entry.summary}`);
  const how = el("p");
  how.append("Open de ", link("situatie", siteUrl(entry.url)), " en kies Print gespreksvel");
  if (entry.pdf) how.append(", of ", link("download de pdf", siteUrl(entry.pdf), true));
  how.append(". Wil je met kaarten werken? Druk dan de ", link("vragenkaarten", box.dataset.ksCards), " af.");
  box.append(first, el("p", {}, `Kernvraag: ${entry.key_question}`), how);
  box.hidden = false;
}
