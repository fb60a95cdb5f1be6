/* Search help under Material's result list: no dead end and no hidden results.
 *
 * The search worker (assets/js/search-worker.js) tells, for every query it answers, how many pages
 * hold the words and how many it shows. When nothing is found this offers the indexes (spanningen,
 * thema's, rollen) and the nearest words from titles, summaries and the vocabulary
 * (search/woorden.json, fetched only then); when more pages were found than shown, it says so.
 */
import { el } from "../lib/dom.js";
import { siteUrl } from "../lib/catalogue.js";

const INDEXES = [
  ["zoeken/spanningen/", "Spanningen tussen waarden"],
  ["zoeken/themas/", "Thema's"],
  ["zoeken/rollen/", "Rollen en sectoren"],
];
let wordList = null;

/** The word list for suggestions, fetched once. */
function loadWords() {
  if (!wordList) {
    wordList = fetch(siteUrl("search/woorden.json"))
      .then((r) => (r.ok ? r.json() : []))
      .catch(() => []);
  }
  return wordList;
}

/** Edit distance of two words, or Infinity beyond `max`. */
export function distance(a, b, max = 2) {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...row) > max) return Infinity;
    prev = row;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

/** Up to `n` words of `list` nearest to `word` (typos, or a shared beginning of five letters). */
export function nearest(word, list, n = 5) {
  const max = word.length < 6 ? 1 : 2;
  return list
    .map((w) => [w, w.startsWith(word.slice(0, 5)) && word.length >= 5 ? 0.5 : distance(word, w, max)])
    .filter(([w, d]) => d < Infinity && w !== word)
    .sort((x, y) => x[1] - y[1] || x[0].length - y[0].length)
    .slice(0, n)
    .map(([w]) => w);
}

/** A link that opens the search with `word` (Material reads ?q= on load). */
function searchLink(word) {
  const url = new URL(location.href);
  url.searchParams.set("q", word);
  url.hash = "";
  return el("a", { href: url.href }, word);
}

function indexLinks() {
  const p = el("p", {}, "Zoek via de indexen: ");
  INDEXES.forEach(([path, label], i) => {
    if (i) p.append(i === INDEXES.length - 1 ? " of " : ", ");
    p.append(el("a", { href: siteUrl(path) }, label));
  });
  p.append(".");
  return p;
}

/** Show the help for one answered query. */
async function show(box, message) {
  if (!message.words.length) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  if (message.total === 0) {
    const list = await loadWords();
    const near = [...new Set(message.words.flatMap((w) => nearest(w, list)))].slice(0, 6);
    const parts = [el("p", {}, "Geen pagina bevat dit woord in deze vorm.")];
    if (near.length) {
      const p = el("p", {}, "Bedoelde je: ");
      near.forEach((w, i) => { if (i) p.append(", "); p.append(searchLink(w)); });
      p.append("?");
      parts.push(p);
    }
    parts.push(indexLinks());
    box.replaceChildren(...parts);
    box.hidden = false;
  } else if (message.total > message.shown) {
    box.replaceChildren(el("p", {}, `Dit zijn de ${message.shown} beste van ${message.total} resultaten. `
      + "Voeg een woord toe om verder te zoeken."));
    box.hidden = false;
  } else {
    box.replaceChildren();
    box.hidden = true;
  }
}

/** Mount on the help element in the search dialog (overrides/partials/search.html). */
export function mount(box) {
  if (typeof BroadcastChannel !== "function") return;
  const input = document.querySelector(".md-search__input");
  const channel = new BroadcastChannel("ks-search");
  channel.addEventListener("message", ({ data }) => {
    if (!input || input.value !== data.query) return;
    /* Which query the list belongs to (Material's list itself does not say; tests read this). */
    box.dataset.query = data.query;
    box.dataset.total = String(data.total);
    show(box, data);
  });
  if (input) input.addEventListener("input", () => { if (!input.value) show(box, { words: [] }); });
}
