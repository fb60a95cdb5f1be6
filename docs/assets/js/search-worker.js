/* The search worker of this site: the search protocol of Material, answered by Pagefind.
 *
 * Material starts this worker (config "search" in overrides/main.html), sends SETUP once someone
 * searches, then a QUERY for every change of the search box, and renders each RESULT in its own
 * result list (keyboard, focus, announcements and highlighting stay Material's). Pagefind stems Dutch
 * ("wetten" finds "wet", "zorgvuldige" finds "zorgvuldig"), matches word beginnings while typing
 * ("zorgv") and fetches only the index chunks and page fragments a query needs.
 *
 * Everything shown is built here as HTML (Material inserts it as HTML): text from the index is
 * escaped, and only Pagefind's <mark> survives.
 */
"use strict";
/* A classic worker (Material starts it as one), written in the one dialect of the site; the
 * Pagefind module comes in through import(). */

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const LIMIT = 30;           // results whose page fragment is fetched and shown
const PAUSE = 120;          // ms without a new keystroke before a query is looked up
const VARIANT_WEIGHT = 0.7; // a page found through a spelling variant ranks below one with the typed word
const BASE = new URL("../../", self.location.href);  // the site root (this file is assets/js/)

let pagefind = null;        // promise of the Pagefind module, started on SETUP
let latest = 0;             // number of the newest query: older answers are dropped

/* The page's search help (components/search-help.js) hears how many pages were found in all. */
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("ks-search") : null;

/** Tell the search help about a finished query. */
const tell = (message) => channel?.postMessage(message);

/** Load Pagefind (pagefind/pagefind.js and its Dutch wasm) once. */
function load() {
  pagefind ??= (async () => {
    const pf = await import(new URL("pagefind/pagefind.js", BASE).href);
    await pf.options({ baseUrl: "/", excerptLength: 24 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#x27;": "'" };
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };

/** Text as HTML: every special character escaped. */
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Pagefind's excerpt as safe HTML: its text escaped once, its <mark> elements kept. */
function safeExcerpt(html) {
  return String(html || "").split(/(<\/?mark>)/).map((part) =>
    part === "<mark>" || part === "</mark>"
      ? part
      : escapeHtml(part.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]))
  ).join("");
}

/** The words Pagefind marked in an excerpt, lower case. */
function markedWords(html) {
  const words = [];
  for (const [, w] of String(html || "").matchAll(/<mark>(.*?)<\/mark>/g)) {
    const word = w.toLowerCase().replace(/&[a-z#0-9]+;/g, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (word && !words.includes(word)) words.push(word);
  }
  return words;
}

/** `text` escaped, with every word that begins with one of `words` marked. */
function highlight(text, words) {
  const html = escapeHtml(text);
  if (!words.length) return html;
  const alternatives = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .sort((a, b) => b.length - a.length).join("|");
  const match = new RegExp("(^|[^\\p{L}\\p{N}])((?:" + alternatives + ")[\\p{L}\\p{N}]*)", "giu");
  return html.replace(match, "$1<mark>$2</mark>");
}

/** Lower-case query words (letters and digits). */
function queryWords(query) {
  return query.toLowerCase().replace(/[\u0027\u2019]s(?![\p{L}\p{N}])/gu, "")  // plural -s after an apostrophe
    .split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
}

/** One Material search document from a Pagefind result's data. */
function toDocument(data, score, words, found) {
  const marked = markedWords(data.excerpt);
  const title = data.meta?.title || data.url;
  const summary = data.meta?.summary;
  let text;
  if (summary) {
    /* A situation or beeld: its summary, and the matching passage when the summary lacks it. */
    const shown = highlight(summary, [...marked, ...words]);
    text = "<p>" + shown + "</p>";
    if (!shown.includes("<mark>") && marked.length) text += "<p>… " + safeExcerpt(data.excerpt) + " …</p>";
  } else {
    text = "<p>" + safeExcerpt(data.excerpt) + "</p>";
  }
  const terms = {};
  for (const w of words) terms[w] = found.includes(w);
  for (const w of marked) if (!(w in terms)) terms[w] = true;
  return {
    location: data.url.replace(/^\//, ""),
    title: highlight(title, [...marked, ...words]),
    text,
    score,
    terms,
  };
}

/** Dutch forms Pagefind's stemmer does not join, as extra words to look up: endings it does not
 * always take off (plural -en/-n/-s, adjective -e, past tense -de/-te), open and closed syllables
 * (scholen ↔ school, apotheken ↔ apotheek), f/v and s/z (brieven ↔ brief, huizen ↔ huis), past
 * participles (geluisterd → luister) and diminutives (bruggetje → brug, beekje → beek). */
function variants(word) {
  const out = [];
  const add = (v, min = 4) => { if (v.length >= min && v !== word && !out.includes(v)) out.push(v); };
  for (const end of ["en", "n", "s", "e", "de", "te", "den", "ten"]) {
    if (word.length - end.length >= 4 && word.endsWith(end) && !/ss$/.test(word)) {
      const stem = word.slice(0, -end.length);
      add(stem);
      if (/([^aeiou])\1$/.test(stem)) add(stem.slice(0, -1), 3);   // wetten → wet
    }
  }
  let m = /^ge(.{3,})[dt]$/.exec(word);                             // geluisterd → luister
  if (m) add(m[1]);
  m = /^(.*?)(etje|tje|pje|je)s?$/.exec(word);                      // bruggetje → brug
  if (m && m[1].length >= 3) {
    add(m[1]);
    if (/([^aeiou])\1$/.test(m[1])) add(m[1].slice(0, -1));
  }
  m = /^(.*[^aeiou])([aeiou])([^aeiou])en?$/.exec(word);            // scholen → school, grote → groot
  if (m) add(m[1] + m[2] + m[2] + (m[3] === "v" ? "f" : m[3] === "z" ? "s" : m[3]));
  m = /^(.*(?:ie|ee|ui|ei|ij|ou|eu|oe|aa|oo|uu))([vz])en$/.exec(word);  // brieven → brief, huizen → huis
  if (m) add(m[1] + (m[2] === "v" ? "f" : "s"));
  /* The other way round, up to the -e, which begins both the plural and the adjective. */
  m = /^(.*[^aeiou])(aa|ee|oo|uu)([^aeiou])$/.exec(word);           // school → schole(n), droog → droge
  if (m) add(m[1] + m[2][0] + (m[3] === "f" ? "v" : m[3] === "s" ? "z" : m[3]) + "e");
  m = /^(.*(?:ie|ui|ei|ij|ou|eu|oe))([fs])$/.exec(word);            // brief → brieve(n), huis → huize(n)
  if (m) add(m[1] + (m[2] === "f" ? "v" : "z") + "e");
  return out;
}

/** Pages for one query word (and its spelling variants): {id: {r, score}}. */
async function pagesFor(pf, word) {
  const all = await Promise.all([word, ...variants(word)].map((w) => pf.search(w)));
  const pages = {};
  all.forEach((res, i) => {
    const weight = i === 0 ? 1 : VARIANT_WEIGHT;
    for (const r of res.results) {
      const score = r.score * weight;
      if (!pages[r.id] || pages[r.id].score < score) pages[r.id] = { r, score };
    }
  });
  return pages;
}

const plain = (word) => word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** True when one of the marked words begins like one of the query forms (first four letters, or
 * the whole of a shorter word); a page with no marks at all is kept. */
function resembles(marked, forms) {
  if (!marked.length) return true;
  return marked.some((mark) => {
    const m = plain(mark);
    return forms.some((form) => {
      const w = plain(form);
      const n = Math.min(4, w.length);
      return m === w || (m.length >= Math.min(3, w.length) && m.slice(0, n) === w.slice(0, n));
    });
  });
}

/** The results of one query: pages with all words first, then pages with most of them. */
async function search(query, current) {
  const words = queryWords(query);
  if (!words.length) {
    tell({ query, total: 0, shown: 0, words: [] });
    return [];
  }
  const pf = await load();
  const perWord = await Promise.all(words.map((w) => pagesFor(pf, w)));
  const pages = {};
  perWord.forEach((found, i) => {
    for (const [id, hit] of Object.entries(found)) {
      const p = (pages[id] ??= { r: hit.r, found: [], sum: 0 });
      p.found.push(words[i]);
      p.sum += hit.score;
    }
  });
  const ranked = Object.values(pages).sort((a, b) => b.found.length - a.found.length || b.sum - a.sum);
  if (!current()) return null;  // a newer query came in: fetch no pages for this one
  const top = ranked.slice(0, LIMIT);
  const forms = [...words, ...words.flatMap(variants)];
  const datas = await Promise.all(top.map((x) => x.r.data()));
  /* Pagefind answers an unknown word with pages that merely share its first letter; those are
     no answer. A page stays when a marked word begins like a typed word (or one of its forms). */
  const kept = datas.map((data, i) => ({ data, found: top[i].found }))
    .filter((x) => resembles(markedWords(x.data.excerpt), forms));
  const total = ranked.length - (top.length - kept.length);
  tell({ query, total: kept.length ? total : 0, shown: kept.length, words });
  /* Material renders groups of documents, best score first; one page per group. */
  return kept.map((x, i) => [toDocument(x.data, kept.length - i, words, x.found)]);
}

/** Fetch the index chunks of the query's words (and their forms) ahead of the search itself. */
async function preload(query) {
  const pf = await load();
  for (const w of queryWords(query)) {
    for (const form of [w, ...variants(w)]) pf.preload(form).catch(() => {});  // the search reports errors
  }
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    load().then(() => self.postMessage({ type: READY }), (err) => console.error("Zoeken werkt niet:", err));
  } else if (message.type === QUERY) {
    /* While someone types, only the query they pause on is looked up (and its pages fetched); the
       index chunks for the words typed so far are fetched meanwhile. */
    const number = ++latest;
    if (message.data) preload(message.data).catch(() => {});
    setTimeout(async () => {
      if (number !== latest) return;
      try {
        const items = await search(message.data, () => number === latest);
        if (items && number === latest) self.postMessage({ type: RESULT, data: { items } });
      } catch (err) {
        console.error("search:", err);
        if (number === latest) self.postMessage({ type: RESULT, data: { items: [] } });
      }
    }, message.data ? PAUSE : 0);
  }
});
