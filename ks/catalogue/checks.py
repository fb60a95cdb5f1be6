"""Every validation rule a JSON Schema cannot express, in one place; the loader calls these.

Cross-file rules (unique ids and first names, references, vocabulary terms) and the safety rules for
text written by contributors: no raw HTML, no link that is not http(s), mailto or relative, no image,
media or frame from another host, no attribute list that adds event handlers or addresses.
"""
from __future__ import annotations

import html
import re

from ks.catalogue.model import Collection, Entry
from ks.catalogue.vocabulary import Vocabulary

RAW_HTML = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*|!--)")
RAW_HTML_HELP = "gebruik Markdown; HTML is niet toegestaan"
VOCAB_FIELDS = {"role": "roles", "domain": "domains", "step": "steps"}
SAFE_SCHEMES = ("http", "https", "mailto")
# Markdown links and images: [text](url "title"), ![alt](url), [id]: url, <scheme:...>
INLINE_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
REF_IMAGE = re.compile(r"!\[[^\]\n]*\]\s?\[([^\]\n]*)\]")
ATTR_LIST = re.compile(r"\{:?[^}\n]*\b(on[a-z]+|style|href|src|srcdoc|action|formaction|data|xlink:href)\s*=", re.I)
CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def _scheme(url: str) -> str:
    """The scheme of a URL as a browser reads it: entities decoded, control characters dropped."""
    plain = CONTROL.sub("", html.unescape(html.unescape(url))).lower()
    m = re.match(r"([a-z][a-z0-9+.-]*):", plain)
    return m.group(1) if m else ""


def _off_host(url: str) -> bool:
    plain = CONTROL.sub("", html.unescape(url)).lower()
    return plain.startswith("//") or plain.startswith("\\\\") or bool(_scheme(url))


def unsafe_markdown(text: str, html: bool = True) -> list[tuple[str, str]]:
    """(what is wrong, what to do) for every construct in `text` that could run script or call another host.

    html=False for fields that are always shown as escaped text (front matter): there, HTML is text."""
    found = []
    m = RAW_HTML.search(text) if html else None
    if m:
        line = text[: m.start()].count("\n") + 1
        found.append((f"HTML gevonden ({m.group(0)}…, regel {line})", RAW_HTML_HELP))
    refs = {}
    for m in REFERENCE.finditer(text):
        refs[m.group(0).split("]", 1)[0].lstrip(" [").lower()] = m.group(1)
    links = [(m.group(1) == "!", m.group(2)) for m in INLINE_LINK.finditer(text)]
    links += [(False, url) for url in refs.values()] + [(False, m.group(1)) for m in AUTOLINK.finditer(text)]
    links += [(True, refs.get(m.group(1).lower(), "")) for m in REF_IMAGE.finditer(text)]
    for image, url in links:
        if image and _off_host(url):
            found.append((f"afbeelding van een andere site ({url[:60]})",
                          "alleen afbeeldingen van deze site zelf; zet het bestand in docs/ en verwijs er relatief naar"))
        elif not image and _scheme(url) and _scheme(url) not in SAFE_SCHEMES:
            found.append((f"link met een niet-toegestaan schema ({url[:60]})",
                          "alleen links die beginnen met http://, https:// of mailto:, of relatieve links"))
    m = ATTR_LIST.search(text)
    if m:
        found.append((f"attribuut {m.group(1)!r} in een attributenlijst {{…}}",
                      "attributenlijsten mogen alleen een id of klasse zetten"))
    return found


def check_text(path: str, field: str, text: str, problems, html: bool = True) -> None:
    """Add a problem for every unsafe construct in one Markdown or text field."""
    for what, allowed in unsafe_markdown(text, html):
        problems.add(path, field, what, allowed)


def check_tree(path: str, data, problems, field: str = "", html: bool = True) -> None:
    """check_text on every string in a YAML/JSON structure, naming each by its dotted field path."""
    if isinstance(data, str):
        check_text(path, field or "tekst", data, problems, html)
    elif isinstance(data, dict):
        for k, v in data.items():
            check_tree(path, v, problems, f"{field}.{k}" if field else str(k), html)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            check_tree(path, v, problems, f"{field}.{i}" if field else str(i), html)


def check_collections(collections: list[Collection], vocab: Vocabulary, problems) -> None:
    """Sector and role of every collection come from the vocabulary."""
    for c in collections:
        path = f"situations/{c.id}/collection.yml"
        if not vocab.has("sectors", c.sector):
            problems.add(path, "sector", f"onbekende sector {c.sector!r}", _allowed(vocab, "sectors"))
        if not vocab.has("roles", c.role):
            problems.add(path, "role", f"onbekende rol {c.role!r}", _allowed(vocab, "roles"))


def _allowed(vocab: Vocabulary, kind: str) -> str:
    return "toegestaan: " + ", ".join(t.key for t in vocab.terms(kind))


def check_entries(entries: list[Entry], collections: dict[str, Collection], vocab: Vocabulary, problems) -> None:
    """Add a problem line for every cross-file or vocabulary error in `entries`."""
    seen: dict[str, str] = {}
    for e in entries:
        if e.id in seen:
            problems.add(e.path, "id", f"{e.id!r} komt al voor in {seen[e.id]}", "elke id is uniek op de hele site")
        seen.setdefault(e.id, e.path)
    types = {e.id: e.type for e in entries}
    names: dict[str, str] = {}
    for e in entries:
        for i, name in enumerate(e.personen):
            if name in names and names[name] != e.path:
                problems.add(e.path, f"personen.{i}", f"de voornaam {name!r} komt al voor in {names[name]}", "elke voornaam één keer op de hele site")
            names.setdefault(name, e.path)
    for e in entries:
        folder = e.path.split("/")[1]
        stem = e.path.rsplit("/", 1)[-1][:-3]
        if e.id != stem:
            problems.add(e.path, "id", f"{e.id!r} wijkt af van de bestandsnaam", f"noem het bestand {e.id}.md of maak de id {stem!r}")
        if e.collection != folder:
            known = ", ".join(sorted(collections)) or "geen"
            what = "onbekende collectie" if e.collection not in collections else "hoort bij een andere map"
            problems.add(e.path, "collection", f"{what} {e.collection!r}", f"gelijk aan de map {folder!r}; collecties: {known}")
        for field, kind in VOCAB_FIELDS.items():
            value = getattr(e, field)
            if value and not vocab.has(kind, value):
                problems.add(e.path, field, f"onbekende waarde {value!r}", _allowed(vocab, kind))
        coll = collections.get(folder)
        if coll and e.type == "situatie":
            for field in vocab.sector_fields(coll.sector):
                if not getattr(e, field):
                    problems.add(e.path, field, "verplicht veld ontbreekt bij een inspectiesituatie", _allowed(vocab, VOCAB_FIELDS[field]))
        for i, t in enumerate(e.themes):
            if not vocab.has("themes", t):
                problems.add(e.path, f"themes.{i}", f"onbekend thema {t!r}", _allowed(vocab, "themes"))
        pairs = set()
        for i, (a, b) in enumerate(e.tensions):
            for v in (a, b):
                if not vocab.has("values", v):
                    problems.add(e.path, f"tensions.{i}", f"onbekende waarde {v!r}", _allowed(vocab, "values"))
            if a == b:
                problems.add(e.path, f"tensions.{i}", f"twee keer dezelfde waarde {a!r}", "een spanning is een paar van twee verschillende waarden")
            if frozenset((a, b)) in pairs:
                problems.add(e.path, f"tensions.{i}", "dit paar staat er al", "elk paar één keer")
            pairs.add(frozenset((a, b)))
        for i, rid in enumerate(e.related):
            if rid not in types:
                problems.add(e.path, f"related.{i}", f"onbekende id {rid!r}", "de id van een bestaande situatie of beeld")
            elif rid == e.id:
                problems.add(e.path, f"related.{i}", "verwijst naar zichzelf", "de id van een andere situatie of beeld")
        for i, sid in enumerate(e.situations):
            if types.get(sid) != "situatie":
                problems.add(e.path, f"situations.{i}", f"onbekende situatie {sid!r}", "de id van een bestaande situatie")
        if e.type == "situatie" and e.questions:
            for side in ("goed_is", "goed_doet", "goed_voelt"):
                if not dict(e.questions).get(side):
                    problems.add(e.path, f"questions.{side}", "geen vragen", "minstens één vraag per kant van goed werk")
        if not e.body.strip():
            problems.add(e.path, "verhaal", "de tekst onder de front matter ontbreekt", "schrijf het verhaal onder de tweede ---")
        check_text(e.path, "verhaal", e.body, problems)
        for side, qs in e.questions:
            if not vocab.has("sides", side):
                problems.add(e.path, f"questions.{side}", "onbekende kant van goed werk", _allowed(vocab, "sides"))
