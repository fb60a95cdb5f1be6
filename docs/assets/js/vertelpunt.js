/* Vertelpunt: write and signify a situation in the browser. Nothing is sent anywhere: the draft
   lives in localStorage, the output is a downloaded file or a GitHub link the visitor opens.
   Terms, limits and privacy patterns come from the page's JSON (macros/vertelpunt.py). */
(function () {
  "use strict";
  var KEY = "ks-vertelpunt-concept-v1", MAX_URL = 8000;
  var root = document.querySelector("[data-ks-vertelpunt]");
  var dataEl = document.getElementById("ks-vertelpunt-data");
  if (!root || !dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var V = data.vocabulary, P = data.schema.properties, form = root.querySelector("form");
  var $ = function (id) { return document.getElementById(id); };
  var TEXT_FIELDS = ["story", "summary", "felt", "did", "outcome", "audience", "title", "key_question"];
  var MEANING = [["felt", "Hoe voelde het?"], ["did", "Wat heb je gedaan?"], ["outcome", "Wat kwam eruit?"],
                 ["audience", "Wie zou dit verhaal moeten horen?"]];
  var SIDES = Object.keys(P.questions.properties), REQUIRED_SIDES = P.questions.required;
  var QLEN = data.schema.$defs.questionList.items;

  /* ---- privacy: the patterns of situations/privacy.json, as in macros/privacy.py ---- */
  var CHECKS = {
    elfproef: function (s) {
      var d = s.replace(/\D/g, "");
      while (d.length < 9) d = "0" + d;
      if (d.length !== 9 || /^0+$/.test(d)) return false;
      var t = -Number(d[8]);
      for (var i = 0; i < 8; i++) t += Number(d[i]) * (9 - i);
      return t % 11 === 0;
    },
    iban: function (s) {
      s = s.replace(/\s/g, "").toUpperCase();
      if (s.length < 15 || s.length > 34 || !/^[A-Z0-9]+$/.test(s)) return false;
      var r = 0, moved = s.slice(4) + s.slice(0, 4);
      for (var i = 0; i < moved.length; i++) {
        var v = parseInt(moved[i], 36);
        r = (v > 9 ? r * 100 + v : r * 10 + v) % 97;
      }
      return r === 1;
    }
  };
  var PATTERNS = data.privacy.patterns.map(function (p) {
    return { p: p, re: new RegExp(p.regex, "g" + (p.flags || "")) };
  });
  function scan(text) {
    var found = [];
    String(text || "").split(/\r\n|\r|\n/).forEach(function (line) {
      var hits = [];
      PATTERNS.forEach(function (x) {
        x.re.lastIndex = 0;
        var m;
        while ((m = x.re.exec(line))) {
          var check = CHECKS[x.p.check];
          var digits = m[0].replace(/\D/g, "").length;
          if ((!check || check(m[0])) && !(x.p.min_digits && digits < x.p.min_digits)) {
            hits.push({ s: m.index, e: m.index + m[0].length, label: x.p.label, text: m[0] });
          }
        }
      });
      hits.forEach(function (h) {
        var inside = hits.some(function (o) { return o.s <= h.s && h.e <= o.e && o.e - o.s > h.e - h.s; });
        if (!inside) found.push(h);
      });
    });
    return found;
  }

  /* ---- building the controls from the data ---- */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }
  function fill(select, items, empty) {
    var keep = select.value;
    select.textContent = "";
    select.appendChild(el("option", { value: "" }, empty));
    items.forEach(function (t) { select.appendChild(el("option", { value: t.key }, t.label)); });
    select.value = keep;
  }
  function term(kind, key) { return V[kind].filter(function (t) { return t.key === key; })[0]; }
  function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function sideQuestion(side) { return cap(P.questions.properties[side].description.split(": ").pop().trim()); }

  document.querySelectorAll("[data-ks-schema]").forEach(function (e) {
    e.textContent = P[e.getAttribute("data-ks-schema")].description;
  });
  form.querySelectorAll("select[data-ks-vocab]").forEach(function (s) {
    fill(s, V[s.getAttribute("data-ks-vocab")], "Kies…");
  });
  form.querySelectorAll("select[data-ks-values]").forEach(function (s) { fill(s, V.values, "Kies een waarde…"); });
  $("vp-themes-hint").textContent = "Kies er " + P.themes.minItems + " tot " + P.themes.maxItems + ".";
  var themeBox = form.querySelector("[data-ks-themes]");
  V.themes.forEach(function (t) {
    var id = "vp-theme-" + t.key, div = el("div");
    div.appendChild(el("input", { type: "checkbox", id: id, name: "themes", value: t.key }));
    div.appendChild(el("label", { for: id, title: t.definition }, t.label));
    themeBox.appendChild(div);
  });
  var qBox = form.querySelector("[data-ks-questions]");
  SIDES.forEach(function (side) {
    var id = "vp-q-" + side, div = el("div", { class: "ks-vp__field" });
    div.appendChild(el("label", { for: id }, cap(term("sides", side).label)));
    div.appendChild(el("p", { class: "ks-vp__hint", id: id + "-hint" }, P.questions.properties[side].description));
    div.appendChild(el("textarea", { id: id, name: "q-" + side, rows: "3", placeholder: sideQuestion(side) }));
    qBox.appendChild(div);
  });
  /* every control gets an error and a privacy slot, tied to it with aria-describedby */
  form.querySelectorAll(".ks-vp__field, .ks-vp__group, .ks-vp__pair").forEach(function (box) {
    var control = box.matches("fieldset") ? box : box.querySelector("input, select, textarea");
    if (!control || $(control.id + "-error")) return;
    var err = el("p", { class: "ks-vp__error", id: control.id + "-error", hidden: "" });
    var warn = el("p", { class: "ks-vp__privacy", id: control.id + "-privacy", hidden: "" });
    var anchor = box.matches("fieldset") ? box.querySelector("legend").nextSibling : control;
    box.insertBefore(warn, anchor);
    box.insertBefore(err, warn);
    var ids = (control.id + "-hint " + (control.getAttribute("aria-describedby") || "")).split(" ")
      .filter(function (x, i, all) { return x && $(x) && all.indexOf(x) === i; });
    control.setAttribute("aria-describedby", ids.concat([err.id, warn.id]).join(" "));
  });

  function syncCollections() {
    var sector = $("vp-sector").value;
    var mine = data.collections.filter(function (c) { return c.sector === sector; });
    var rest = data.collections.filter(function (c) { return c.sector !== sector; });
    var items = mine.concat(rest).map(function (c) { return { key: c.id, label: c.name }; });
    fill($("vp-collection"), items, "Kies een collectie…");
    if (!$("vp-collection").value && mine.length === 1) $("vp-collection").value = mine[0].id;
  }
  function collection() { return data.collections.filter(function (c) { return c.id === $("vp-collection").value; })[0]; }
  function isInspection() { var c = collection(); return !!c && c.sector === "rijksinspecties"; }
  function syncDefinitions() {
    form.querySelectorAll("select[data-ks-vocab]").forEach(function (s) {
      var hint = $(s.id + "-hint"), t = term(s.getAttribute("data-ks-vocab"), s.value);
      if (hint && !hint.hasAttribute("data-ks-schema")) hint.textContent = t ? t.definition : "";
    });
    [1, 2, 3].forEach(function (n) {
      $("vp-tension-" + n + "-def").textContent = ["a", "b"].map(function (x) {
        var t = term("values", $("vp-tension-" + n + "-" + x).value);
        return t ? cap(t.label) + ": " + t.definition : "";
      }).filter(Boolean).join(" ");
    });
    root.querySelectorAll("[data-ks-vp-inspection]").forEach(function (e) { e.hidden = !isInspection(); });
  }

  /* ---- the draft: read, save, restore, clear ---- */
  function read() {
    var f = {};
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!e.name) return;
      if (e.name === "themes") { f.themes = f.themes || []; if (e.checked) f.themes.push(e.value); }
      else if (e.type === "checkbox") f[e.name] = e.checked;
      else f[e.name] = e.value;
    });
    return f;
  }
  function write(f) {
    $("vp-sector").value = f.sector || "";
    syncCollections();
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!e.name || !(e.name in f)) return;
      if (e.name === "themes") e.checked = f.themes.indexOf(e.value) >= 0;
      else if (e.type === "checkbox") e.checked = !!f[e.name];
      else e.value = f[e.name];
    });
  }
  function store(action, value) {
    try { return action === "get" ? localStorage.getItem(KEY) : action === "set" ? localStorage.setItem(KEY, value) : localStorage.removeItem(KEY); }
    catch (e) { $("vp-saved").textContent = "Deze browser bewaart geen concept. Download je bestand voordat je de pagina sluit."; return null; }
  }
  function save() {
    store("set", JSON.stringify({ version: 1, saved: new Date().toISOString(), fields: read() }));
    $("vp-saved").textContent = "Concept bewaard in deze browser om " +
      new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" }) + ".";
  }
  function announce(text) { $("vp-live").textContent = ""; setTimeout(function () { $("vp-live").textContent = text; }, 50); }

  /* ---- the situation: values, checks, Markdown, issue link ---- */
  function clean(s) {
    s = String(s || "").normalize("NFC").replace(/\r\n?|[\u2028\u2029]/g, "\n");
    s = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, "");
    return s.toWellFormed ? s.toWellFormed() : s;
  }
  function oneLine(s) { return clean(s).replace(/\s+/g, " ").trim(); }
  function lines(s) { return clean(s).split("\n").map(function (x) { return x.trim(); }).filter(Boolean); }
  function slugify(title) {
    var max = P.id.maxLength;
    var s = title.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (s.length > max) s = s.slice(0, max).indexOf("-") >= 0 ? s.slice(0, max).replace(/-[^-]*$/, "") : s.slice(0, max);
    return s || "situatie";
  }
  function uniqueId(slug) {
    var max = P.id.maxLength, id = slug, n = 2;
    while (data.ids.indexOf(id) >= 0) { id = slug.slice(0, max - String(n).length - 1).replace(/-+$/, "") + "-" + n; n++; }
    return id;
  }
  function situation() {
    var f = read(), s = { fields: f, tensions: [], questions: {}, defaults: [] };
    TEXT_FIELDS.forEach(function (k) { s[k] = k === "story" || MEANING.some(function (m) { return m[0] === k; }) ? clean(f[k]).trim() : oneLine(f[k]); });
    [1, 2, 3].forEach(function (n) {
      var a = f["tension-" + n + "-a"], b = f["tension-" + n + "-b"];
      if (a || b) s.tensions.push({ n: n, pair: [a, b] });
    });
    SIDES.forEach(function (side) {
      var qs = lines(f["q-" + side]);
      if (!qs.length && REQUIRED_SIDES.indexOf(side) >= 0) { qs = [sideQuestion(side)]; s.defaults.push(side); }
      if (qs.length) s.questions[side] = qs;
    });
    s.id = uniqueId(slugify(s.title));
    s.inspection = isInspection();
    return s;
  }
  function lengthError(s, prop, what) {
    var n = s.length, p = P[prop];
    if (!n) return what;
    if (n < p.minLength || n > p.maxLength) return "Gebruik " + p.minLength + " tot " + p.maxLength + " tekens; nu zijn het er " + n + ".";
  }
  function check(s) {
    var errors = [], f = s.fields;
    function add(id, msg, target, isPrivacy) { errors.push({ id: id, msg: msg, target: target || id, privacy: isPrivacy }); }
    if (!s.story) add("vp-story", "Schrijf je verhaal op.");
    if (!f.sector) add("vp-sector", "Kies een sector.");
    if (!f.collection) add("vp-collection", "Kies een collectie.");
    if (!f.role) add("vp-role", "Kies de rol van de hoofdpersoon.");
    if (s.inspection && !f.domain) add("vp-domain", "Kies het toezichtsdomein.");
    if (s.inspection && !f.step) add("vp-step", "Kies de stap in het toezichtswerk.");
    [["vp-summary", s.summary, "summary", "Schrijf in één zin wat het kritisch maakte."],
     ["vp-title", s.title, "title", "Geef je verhaal een titel."],
     ["vp-key_question", s.key_question, "key_question", "Schrijf de kernvraag op."]].forEach(function (x) {
      var msg = lengthError(x[1], x[2], x[3]);
      if (msg) add(x[0], msg);
    });
    var seen = {};
    if (!s.tensions.length) add("vp-tension-1", "Kies twee waarden die botsten.", "vp-tension-1-a");
    s.tensions.forEach(function (t) {
      var id = "vp-tension-" + t.n, key = t.pair.slice().sort().join("|");
      if (!t.pair[0] || !t.pair[1]) add(id, "Kies ook de andere waarde, of maak allebei leeg.", id + (t.pair[0] ? "-b" : "-a"));
      else if (t.pair[0] === t.pair[1]) add(id, "Kies twee verschillende waarden.", id + "-b");
      else if (seen[key]) add(id, "Deze twee waarden heb je al gekozen.", id + "-a");
      seen[key] = true;
    });
    var th = P.themes;
    if (f.themes.length < th.minItems || f.themes.length > th.maxItems)
      add("vp-themes", "Kies " + th.minItems + " tot " + th.maxItems + " thema's; nu zijn het er " + f.themes.length + ".", "vp-theme-" + V.themes[0].key);
    SIDES.forEach(function (side) {
      var bad = lines(f["q-" + side]).filter(function (q) { return q.length < QLEN.minLength || q.length > QLEN.maxLength; });
      if (bad.length) add("vp-q-" + side, "Elke vraag heeft " + QLEN.minLength + " tot " + QLEN.maxLength + " tekens. Kijk naar: ‘" + bad[0].slice(0, 40) + "’.");
    });
    [["anon", "Bevestig dat je herkenbare details hebt veranderd."], ["people", "Bevestig dat niemand te herkennen is of dat betrokkenen het goedvinden."],
     ["license", "Geef toestemming voor publicatie onder CC BY 4.0."]].forEach(function (c) {
      if (!f["consent-" + c[0]]) add("vp-consent", c[1], "vp-consent-" + c[0]);
    });
    privacy().forEach(function (p) { add(p.id, p.msg, p.id, true); });
    return errors;
  }
  function privacy() {
    var out = [];
    TEXT_FIELDS.concat(SIDES.map(function (x) { return "q-" + x; })).forEach(function (name) {
      scan(form.elements[name].value).forEach(function (h) {
        out.push({ id: form.elements[name].id, privacy: true, msg: "Dit lijkt een " + h.label + ": ‘" + h.text + "’. Haal het weg of maak het onherkenbaar." });
      });
    });
    return out;
  }
  var RESERVED = ["yes", "no", "on", "off", "y", "n", "true", "false", "null"];
  function yq(s) { return JSON.stringify(s); }
  function ykey(k) { return /^[a-z][a-z0-9-]*$/.test(k) && RESERVED.indexOf(k) < 0 ? k : yq(k); }
  function note(label, text) {
    return lines(text).map(function (l, i) { return (i ? "#     " : "#   " + label + " ") + l; });
  }
  function markdown(s) {
    var f = s.fields, L = ["---", "# Geschreven in het vertelpunt van de site op " + new Date().toISOString().slice(0, 10) + "."];
    var meaning = [];
    MEANING.forEach(function (m) { meaning = meaning.concat(note(m[1], s[m[0]])); });
    if (meaning.length) L = L.concat(["# Terugkijken, door de schrijver (komt niet op de site):"], meaning);
    if (f["consent-anon"] && f["consent-people"] && f["consent-license"])
      L.push("# Bevestigd: herkenbare details veranderd, betrokkenen niet te herkennen of akkoord, publicatie onder CC BY 4.0.");
    if (s.defaults.length) L.push("# Algemene vragen ingevuld bij: " + s.defaults.join(", ") + ". Vervang ze gerust.");
    L.push("id: " + s.id, "type: situatie", "title: " + yq(s.title), "collection: " + ykey(f.collection || ""), "role: " + ykey(f.role || ""));
    if (s.inspection) L.push("domain: " + ykey(f.domain || ""), "step: " + ykey(f.step || ""));
    L.push("summary: " + yq(s.summary), "tensions:");
    s.tensions.forEach(function (t) { L.push("  - [" + t.pair.map(function (v) { return ykey(v || ""); }).join(", ") + "]"); });
    L.push("themes: [" + f.themes.map(ykey).join(", ") + "]", "key_question: " + yq(s.key_question), "questions:");
    Object.keys(s.questions).forEach(function (side) {
      L.push("  " + side + ":");
      s.questions[side].forEach(function (q) { L.push("    - " + yq(q)); });
    });
    L.push("---", "", s.story.replace(/</g, "&lt;"), "");
    return L.join("\n");
  }
  function issueUrl(s, md) {
    if (!data.issue.url) return "";
    var qs = Object.keys(s.questions).map(function (side) {
      return cap(term("sides", side).label) + ":\n" + s.questions[side].map(function (q) { return "- " + q; }).join("\n");
    }).join("\n\n");
    var meaning = MEANING.filter(function (m) { return s[m[0]]; }).map(function (m) { return m[1] + "\n" + s[m[0]]; }).join("\n\n");
    var p = new URLSearchParams({ template: data.issue.template, title: "[Situatie] " + s.title });
    [["story", s.story], ["summary", s.summary], ["key_question", s.key_question], ["questions", qs], ["duiding", meaning], ["file", md]]
      .forEach(function (x) { if (x[1]) p.set(x[0], x[1]); });
    var url = function () { return data.issue.url + "?" + p.toString(); };
    s.tooLong = false;
    if (url().length > MAX_URL) p.delete("file");
    if (url().length > MAX_URL) {
      s.tooLong = true;
      p.set("story", "Het verhaal is te lang voor een link. Ik voeg het gedownloade bestand hieronder toe.");
    }
    return url();
  }

  /* ---- showing: errors, privacy warnings, preview ---- */
  function showErrors(errors, summary) {
    form.querySelectorAll(".ks-vp__error").forEach(function (e) { e.hidden = true; e.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
    errors.filter(function (x) { return !x.privacy; }).forEach(function (x) {
      var slot = $(x.id + "-error");
      slot.textContent = (slot.textContent ? slot.textContent + " " : "") + x.msg;
      slot.hidden = false;
      $(x.target).setAttribute("aria-invalid", "true");
    });
    var box = $("vp-errors"), list = box.querySelector("ul");
    list.textContent = "";
    errors.forEach(function (x) {
      var li = el("li"), a = el("a", { href: "#" + x.target }, x.msg);
      a.addEventListener("click", function (ev) { ev.preventDefault(); $(x.target).focus(); });
      li.appendChild(a); list.appendChild(li);
    });
    box.hidden = !errors.length;
    if (summary && errors.length) box.focus();
  }
  function showPrivacy() {
    form.querySelectorAll(".ks-vp__privacy").forEach(function (e) { e.hidden = true; e.textContent = ""; });
    privacy().forEach(function (x) {
      var slot = $(x.id + "-privacy");
      slot.textContent = (slot.textContent ? slot.textContent + " " : "") + x.msg;
      slot.hidden = false;
    });
  }
  function preview() {
    var s = situation(), art = $("vp-preview"), md = markdown(s);
    art.textContent = "";
    art.appendChild(el("h3", {}, s.title || "Je titel"));
    art.appendChild(el("p", { class: "ks-summary" }, s.summary || "Wat het kritisch maakte, in één zin."));
    (s.story || "Je verhaal.").split(/\n\s*\n/).forEach(function (para) { art.appendChild(el("p", {}, para)); });
    if (s.key_question) { var k = el("div", { class: "ks-kernvraag" }); k.appendChild(el("p", {}, s.key_question)); art.appendChild(k); }
    Object.keys(s.questions).forEach(function (side) {
      art.appendChild(el("h4", {}, cap(term("sides", side).label)));
      var ul = el("ul");
      s.questions[side].forEach(function (q) { ul.appendChild(el("li", {}, q)); });
      art.appendChild(ul);
    });
    $("vp-file").textContent = md;
    $("vp-file-where").textContent = "Bestandsnaam: " + s.id + ".md, in de map situations/" + (s.fields.collection || "<collectie>") + "/.";
    $("vp-issue").href = issueUrl(s, md) || $("vp-issue").href;
  }

  /* ---- events ---- */
  var timer = null;
  function changed(e) {
    if (e && e.target === $("vp-sector")) syncCollections();
    if (e && e.target === $("vp-collection") && !$("vp-role").value && collection()) $("vp-role").value = collection().role;
    syncDefinitions();
    clearTimeout(timer);
    timer = setTimeout(function () { save(); preview(); showPrivacy(); if (!$("vp-errors").hidden) showErrors(check(situation()), false); }, 300);
  }
  function ready() {
    var s = situation(), errors = check(s);
    showPrivacy();
    showErrors(errors, true);
    return errors.length ? null : s;
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("pagehide", function () { clearTimeout(timer); save(); });
  $("vp-download").addEventListener("click", function () {
    var s = ready();
    if (!s) return;
    var a = el("a", { href: URL.createObjectURL(new Blob([markdown(s)], { type: "text/markdown;charset=utf-8" })), download: s.id + ".md" });
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    $("vp-result").hidden = false;
    $("vp-result").textContent = "Het bestand " + s.id + ".md staat in je downloads. Zet het in de map situations/" + s.fields.collection +
      "/ met een pull request, of voeg het toe aan een issue op GitHub.";
    announce($("vp-result").textContent);
  });
  $("vp-issue").addEventListener("click", function (e) {
    var s = ready();
    if (!s) { e.preventDefault(); return; }
    preview();
    if (s.tooLong) announce("Je verhaal is te lang voor een link. Download ook het bestand en voeg het op GitHub toe aan je issue.");
  });
  $("vp-clear").addEventListener("click", function () {
    if (!window.confirm("Wil je je concept echt wissen? Alles wat je hier hebt geschreven, verdwijnt uit deze browser. Dit kun je niet ongedaan maken.")) return;
    store("remove");
    form.reset();
    syncCollections(); syncDefinitions(); preview(); showPrivacy(); showErrors([], false);
    $("vp-result").hidden = true;
    $("vp-saved").textContent = "Je concept is gewist.";
    announce("Je concept is gewist.");
    $("vp-story").focus();
  });

  var saved = store("get");
  if (saved) {
    try {
      write(JSON.parse(saved).fields || {});
      $("vp-saved").textContent = "Je concept is teruggezet uit deze browser.";
      announce("Je concept is teruggezet.");
    } catch (e) { /* an unreadable draft is ignored, not deleted */ }
  } else {
    syncCollections();
  }
  syncDefinitions(); preview(); showPrivacy();
  root.hidden = false;
  window.ksVertelpunt = { scan: scan, slugify: slugify };
})();
