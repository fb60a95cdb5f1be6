"""The catalogue published as open data: api/v1/situaties.json validates against its schema and holds
every file of situations/; the about page links it with its licence."""
from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from project import ROOT


def _api(site):
    data = json.loads((site / "api" / "v1" / "situaties.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "api" / "v1" / "situaties.schema.json").read_text(encoding="utf-8"))
    return data, schema


def test_catalogue_json_validates_against_its_schema(site):
    data, schema = _api(site)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    broken = dict(data, entries=[dict(data["entries"][0], tensions=[["snelheid"]])])
    assert list(Draft202012Validator(schema).iter_errors(broken)), "the schema can fail"


def test_every_situation_file_is_in_it_with_its_fields(site, catalogue):
    data, _ = _api(site)
    files = {p.stem for p in (ROOT / "situations").glob("*/*.md")}
    by_id = {e["id"]: e for e in data["entries"]}
    assert set(by_id) == files
    for e in catalogue.entries:
        item = by_id[e.id]
        assert item["title"] == e.title and item["story"] == e.body and item["word_count"] == e.word_count
        assert item["questions"] == {side: list(qs) for side, qs in e.questions}
        assert (site / item["url"] / "index.html").is_file() and (site / item["pdf"]).is_file()
    assert [c["id"] for c in data["collections"]] == [c.id for c in catalogue.collections]
    assert {t["key"] for t in data["vocabulary"]["values"]} == {t.key for t in catalogue.vocabulary.terms("values")}
    assert data["license"]["name"] == "CC BY 4.0"


def test_about_page_offers_the_download_with_licence_and_citation(site):
    html = (site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'href="../api/v1/situaties.json"' in html and 'href="../api/v1/situaties.schema.json"' in html
    for words in ("CC BY 4.0", "Zo verwijs je", "key_question", "story"):
        assert words in html, words
