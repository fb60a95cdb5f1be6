"""Checks a JSON Schema cannot express: unique ids, references, vocabulary terms, safe bodies."""
from __future__ import annotations

from ks.catalogue.model import Collection, Entry
from ks.catalogue.vocabulary import Vocabulary

RAW_HTML_HELP = "gebruik Markdown; HTML is niet toegestaan in een verhaal"


def _allowed(vocab: Vocabulary, kind: str) -> str:
    return "toegestaan: " + ", ".join(t.key for t in vocab.terms(kind))


def check_entries(entries: list[Entry], collections: dict[str, Collection], vocab: Vocabulary, problems) -> None:
    """Add a problem line for every cross-file or vocabulary error in `entries`."""
    from ks.catalogue.load import RAW_HTML, VOCAB_FIELDS

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
        if coll and coll.sector == "rijksinspecties" and e.type == "situatie":
            for field in ("domain", "step"):
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
        html = RAW_HTML.search(e.body)
        if html:
            line = e.body[: html.start()].count("\n") + 1
            problems.add(e.path, "verhaal", f"HTML gevonden ({html.group(0)}…, regel {line} van het verhaal)", RAW_HTML_HELP)
