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

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var LIMIT = 30;          // results whose page fragment is fetched and shown
var PAUSE = 120;         // ms without a new keystroke before a query is looked up
var VARIANT_WEIGHT = 0.7; // a page found through a spelling variant ranks below one with the typed word
var BASE = new URL("../../", self.location.href);  // the site root (this file is assets/js/)

var pagefind = null;     // promise of the Pagefind module, started on SETUP
var latest = 0;          // number of the newest query: older answers are dropped

/* The page's search help (components/search-help.js) hears how many pages were found in all. */
var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("ks-search") : null;

/** Tell the search help about a finished query. */
function tell(message) {
  if (channel) channel.postMessage(message);
}

/** Load Pagefind (pagefind/pagefind.js and its Dutch wasm) once. */
function load() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", BASE).href).then(function (pf) {
      return pf.options({ baseUrl: "/", excerptLength: 24 }).then(function () { return pf.init(); })
        .then(function () { return pf; });
    });
  }
  return pagefind;
}

var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#x27;": "'" };

/** Text as HTML: every special character escaped. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
  });
}

/** Pagefind's excerpt as safe HTML: its text escaped once, its <mark> elements kept. */
function safeExcerpt(html) {
  return String(html || "").split(/(<\/?mark>)/).map(function (part) {
    if (part === "<mark>" || part === "</mark>") return part;
    return escapeHtml(part.replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (e) { return ENTITIES[e]; }));
  }).join("");
}

/** The words Pagefind marked in an excerpt, lower case. */
function markedWords(html) {
  var words = [];
  String(html || "").replace(/<mark>(.*?)<\/mark>/g, function (_, w) {
    var word = w.toLowerCase().replace(/&[a-z#0-9]+;/g, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (word && words.indexOf(word) < 0) words.push(word);
  });
  return words;
}

/** `text` escaped, with every word that begins with one of `words` marked. */
function highlight(text, words) {
  var html = escapeHtml(text);
  if (!words.length) return html;
  var alternatives = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); })
    .sort(function (a, b) { return b.length - a.length; }).join("|");
  var match = new RegExp("(^|[^\\p{L}\\p{N}])((?:" + alternatives + ")[\\p{L}\\p{N}]*)", "giu");
  return html.replace(match, "$1<mark>$2</mark>");
}

/** Lower-case query words (letters and digits). */
function queryWords(query) {
  return query.toLowerCase().replace(/[\u0027\u2019]s(?![\p{L}\p{N}])/gu, "")  // plural -s after an apostrophe
    .split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1; });
}

/** One Material search document from a Pagefind result's data. */
function toDocument(data, score, words, found) {
  var marked = markedWords(data.excerpt);
  var title = (data.meta && data.meta.title) || data.url;
  var summary = data.meta && data.meta.summary;
  var text;
  if (summary) {
    /* A situation or beeld: its summary, and the matching passage when the summary lacks it. */
    var shown = highlight(summary, marked.concat(words));
    text = "<p>" + shown + "</p>";
    if (shown.indexOf("<mark>") < 0 && marked.length) text += "<p>… " + safeExcerpt(data.excerpt) + " …</p>";
  } else {
    text = "<p>" + safeExcerpt(data.excerpt) + "</p>";
  }
  var terms = {};
  words.forEach(function (w) { terms[w] = found.indexOf(w) >= 0; });
  marked.forEach(function (w) { if (!(w in terms)) terms[w] = true; });
  return {
    location: data.url.replace(/^\//, ""),
    title: highlight(title, marked.concat(words)),
    text: text,
    score: score,
    terms: terms
  };
}

/** Dutch forms Pagefind's stemmer does not join, as extra words to look up: endings it does not
 * always take off (plural -en/-n/-s, adjective -e, past tense -de/-te), open and closed syllables
 * (scholen ↔ school, apotheken ↔ apotheek), f/v and s/z (brieven ↔ brief, huizen ↔ huis), past
 * participles (geluisterd → luister) and diminutives (bruggetje → brug, beekje → beek). */
function variants(word) {
  var out = [];
  function add(v, min) { if (v.length >= (min || 4) && v !== word && out.indexOf(v) < 0) out.push(v); }
  ["en", "n", "s", "e", "de", "te", "den", "ten"].forEach(function (end) {
    if (word.length - end.length >= 4 && word.slice(-end.length) === end && !/ss$/.test(word)) {
      var stem = word.slice(0, -end.length);
      add(stem);
      if (/([^aeiou])\1$/.test(stem)) add(stem.slice(0, -1), 3);   // wetten → wet
    }
  });
  var m = /^ge(.{3,})[dt]$/.exec(word);                             // geluisterd → luister
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
function pagesFor(pf, word) {
  return Promise.all([word].concat(variants(word)).map(function (w) { return pf.search(w); }))
    .then(function (all) {
      var pages = {};
      all.forEach(function (res, i) {
        var weight = i === 0 ? 1 : VARIANT_WEIGHT;
        res.results.forEach(function (r) {
          var score = r.score * weight;
          if (!pages[r.id] || pages[r.id].score < score) pages[r.id] = { r: r, score: score };
        });
      });
      return pages;
    });
}

function plain(word) {
  return word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** True when one of the marked words begins like one of the query forms (first four letters, or
 * the whole of a shorter word); a page with no marks at all is kept. */
function resembles(marked, forms) {
  if (!marked.length) return true;
  return marked.some(function (m) {
    m = plain(m);
    return forms.some(function (w) {
      w = plain(w);
      var n = Math.min(4, w.length);
      return m === w || (m.length >= Math.min(3, w.length) && m.slice(0, n) === w.slice(0, n));
    });
  });
}

/** The results of one query: pages with all words first, then pages with most of them. */
function search(query, current) {
  var words = queryWords(query);
  if (!words.length) {
    tell({ query: query, total: 0, shown: 0, words: [] });
    return Promise.resolve([]);
  }
  return load().then(function (pf) {
    return Promise.all(words.map(function (w) { return pagesFor(pf, w); }));
  }).then(function (perWord) {
    var pages = {};
    perWord.forEach(function (found, i) {
      Object.keys(found).forEach(function (id) {
        var p = pages[id] || (pages[id] = { r: found[id].r, found: [], sum: 0 });
        p.found.push(words[i]);
        p.sum += found[id].score;
      });
    });
    var ranked = Object.keys(pages).map(function (id) { return pages[id]; })
      .sort(function (a, b) { return b.found.length - a.found.length || b.sum - a.sum; });
    if (!current()) return null;  // a newer query came in: fetch no pages for this one
    var top = ranked.slice(0, LIMIT);
    var forms = words.concat.apply(words, words.map(variants));
    return Promise.all(top.map(function (x) { return x.r.data(); })).then(function (datas) {
      /* Pagefind answers an unknown word with pages that merely share its first letter; those are
         no answer. A page stays when a marked word begins like a typed word (or one of its forms). */
      var kept = datas.map(function (data, i) { return { data: data, found: top[i].found }; })
        .filter(function (x) { return resembles(markedWords(x.data.excerpt), forms); });
      var total = ranked.length - (top.length - kept.length);
      tell({ query: query, total: kept.length ? total : 0, shown: kept.length, words: words });
      var n = kept.length;
      /* Material renders groups of documents, best score first; one page per group. */
      return kept.map(function (x, i) {
        return [toDocument(x.data, n - i, words, x.found)];
      });
    });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    load().then(function () { self.postMessage({ type: READY }); }, function (err) {
      console.error("Zoeken werkt niet:", err);
    });
  } else if (message.type === QUERY) {
    /* While someone types, only the query they pause on is looked up (and its pages fetched). */
    var number = ++latest;
    setTimeout(function () {
      if (number !== latest) return;
      search(message.data, function () { return number === latest; }).then(function (items) {
        if (items && number === latest) self.postMessage({ type: RESULT, data: { items: items } });
      }, function (err) {
        console.error("search:", err);
        if (number === latest) self.postMessage({ type: RESULT, data: { items: [] } });
      });
    }, message.data ? PAUSE : 0);
  }
});
