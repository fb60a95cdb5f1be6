"""The catalogue as published open data: api/v1/situaties.json and its JSON Schema.

One function returns the data; the hook adds both files to the site. The browser components read
this file (docs/assets/js/lib/catalogue.js), so pages, indexes and widgets share one source.
"""
from __future__ import annotations

import json
from pathlib import Path

from ks.build import build_cache
from ks.catalogue import duiding as duiding_
from ks.catalogue.checked import CheckedFiles, context_key
from ks.catalogue.model import Catalogue, Collection, Entry
from ks.catalogue.vocabulary import KINDS

API_PATH = "api/v1/situaties.json"
SCHEMA_PATH = "api/v1/situaties.schema.json"
STORY_SCHEMA_PATH = "api/v1/vertelling.schema.json"
ROUND_PATH = "api/v1/voorbeeldronde.json"
SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "situaties.v1.schema.json"
LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.nl"}


def entry_data(e: Entry, pdfs: bool) -> dict:
    """One situation or beeld with named fields."""
    return {
        "id": e.id, "type": e.type, "title": e.title, "collection": e.collection, "role": e.role,
        "domain": e.domain or None, "step": e.step or None, "summary": e.summary,
        "tensions": [list(p) for p in e.tensions], "themes": list(e.themes),
        "key_question": e.key_question or None,
        "questions": {side: list(qs) for side, qs in e.questions},
        "related": list(e.related), "situations": list(e.situations),
        "url": e.url, "pdf": e.pdf if pdfs else None, "word_count": e.word_count, "story": e.body,
    }


def collection_data(c: Collection, cat: Catalogue, pdfs: bool) -> dict:
    """A collection: its names, sector, texts and the ids of its entries in site order."""
    return {
        "id": c.id, "name": c.name, "short_name": c.short_name, "sector": c.sector, "role": c.role,
        "year": c.year, "made_with": c.made_with, "audience": c.audience, "intro": c.intro,
        "origin": c.origin, "usage": c.usage or None, "url": c.url, "pdf": c.pdf if pdfs else None,
        "entries": [e.id for e in cat.by_collection.get(c.id, [])],
    }


def catalogue_data(cat: Catalogue, site_url: str = "", pdfs: bool = True) -> dict:
    """Everything a reader or a component needs: entries, collections and the vocabulary."""
    v = cat.vocabulary
    return {
        "version": 1,
        "title": "Kritische situaties",
        "license": LICENSE,
        "source": site_url or None,
        "schema": SCHEMA_PATH.rsplit("/", 1)[-1],
        "entries": [entry_data(e, pdfs) for e in cat.entries],
        "collections": [collection_data(c, cat, pdfs) for c in cat.collections],
        "vocabulary": {kind: [dict({"key": t.key, "label": t.label, "definition": t.definition},
                                   **({"fields": list(t.fields)} if t.fields else {})) for t in v.terms(kind)]
                       for kind in KINDS},
    }


def story_files(cat: Catalogue, duiding: dict, base: Path) -> dict[str, str]:
    """The schema of one story file (vertelpunt -> patronen) and the example round, checked against it
    (a round that passed against the same schema and checking code before is taken from the build
    cache's record). Raises ValueError listing every problem of the example round."""
    schema = duiding_.story_schema(duiding, cat.vocabulary, cat.schema)
    rnd = duiding_.load_round(base / "voorbeeldronde.yml")
    record = build_cache.folder(base.parent)
    schema_text = json.dumps(schema, ensure_ascii=False, sort_keys=True)
    checked = CheckedFiles(record / "voorbeeldronde.json" if record else None,
                           CheckedFiles.key(context_key(base) + schema_text))
    round_text = json.dumps(rnd, ensure_ascii=False, sort_keys=True)
    if not checked.known(round_text):  # not checked before against this schema and code
        from ks.catalogue import privacy
        problems = duiding_.round_problems(rnd, schema, privacy.load_patterns(base / "privacy.json"))
        if problems:
            raise ValueError(f"{len(problems)} probleem/problemen in de voorbeeldronde:\n" + "\n".join(problems))
    checked.passed(round_text, {})
    checked.save()
    return {STORY_SCHEMA_PATH: json.dumps(schema, ensure_ascii=False, indent=1),
            ROUND_PATH: json.dumps(rnd, ensure_ascii=False, separators=(",", ":"))}


def files(cat: Catalogue, site_url: str, pdfs: bool, duiding: dict, base: Path) -> dict[str, str]:
    """The published files, path -> text: the catalogue, its schema, the story schema, the example round."""
    data = json.dumps(catalogue_data(cat, site_url, pdfs), ensure_ascii=False, separators=(",", ":"))
    return {API_PATH: data, SCHEMA_PATH: SCHEMA_FILE.read_text(encoding="utf-8"), **story_files(cat, duiding, base)}
