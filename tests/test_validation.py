"""Broken situation files stop the build with one clear line naming the file and the field."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from project import FIXTURES, build, make_project

LADDER = "situations/alpha/de-ladder.md"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def bad_yaml(p):
    _replace(p / LADDER, "title: De ladder in de loods", "title: De ladder: in de loods")


def missing_field(p):
    _replace(p / LADDER, "key_question: Blijf je om het bewijs vast te leggen of ga je weg?\n", "")


def unknown_value(p):
    _replace(p / LADDER, "[snelheid, zorgvuldigheid]", "[snelheid, gezelligheid]")


def unknown_theme(p):
    _replace(p / LADDER, "themes: [veiligheid]", "themes: [veiligheid, koffie]")


def unknown_collection(p):
    _replace(p / LADDER, "collection: alpha", "collection: gamma")


def duplicate_id(p):
    shutil.copy(p / LADDER, p / "situations/beta/de-ladder.md")
    _replace(p / "situations/beta/de-ladder.md", "collection: alpha", "collection: beta")


def dangling_related(p):
    _replace(p / LADDER, "related: [het-wachtlijstbesluit]", "related: [bestaat-niet]")


def wrong_type(p):
    _replace(p / LADDER, "themes: [veiligheid]", "themes: veiligheid")


def empty_file(p):
    (p / "situations/beta/leeg.md").write_text("", encoding="utf-8")


def not_utf8(p):
    (p / "situations/beta/latin.md").write_bytes("---\nid: latin\ntitle: Caf\xe9\n---\n".encode("latin-1"))


def not_a_mapping(p):
    (p / "situations/beta/lijst.md").write_text("---\n- een\n- lijst\n---\nTekst.\n", encoding="utf-8")


def missing_collection_meta(p):
    (p / "situations/alpha/collection.yml").unlink()


def id_not_filename(p):
    _replace(p / LADDER, "id: de-ladder", "id: een-ladder")


def personal_data(p):
    _replace(p / LADDER, "De ladder wiebelt.", "De ladder wiebelt. Bel 06-12345678.")


def raw_html(p):
    _replace(p / LADDER, "De ladder wiebelt.", "De ladder <script>alert(1)</script> wiebelt.")


CASES = [
    (bad_yaml, LADDER, "front matter", "ongeldige YAML"),
    (missing_field, LADDER, "key_question", "verplicht veld ontbreekt"),
    (unknown_value, LADDER, "tensions.1", "onbekende waarde 'gezelligheid'"),
    (unknown_theme, LADDER, "themes.1", "onbekend thema 'koffie'"),
    (unknown_collection, LADDER, "collection", "onbekende collectie 'gamma'"),
    (duplicate_id, "situations/beta/de-ladder.md", "id", "komt al voor"),
    (dangling_related, LADDER, "related.0", "onbekende id 'bestaat-niet'"),
    (wrong_type, LADDER, "themes", "verkeerd type"),
    (empty_file, "situations/beta/leeg.md", "bestand", "leeg"),
    (not_utf8, "situations/beta/latin.md", "bestand", "UTF-8"),
    (not_a_mapping, "situations/beta/lijst.md", "front matter", "geen lijst van velden"),
    (missing_collection_meta, "situations/alpha/collection.yml", "bestand", "ontbreekt"),
    (id_not_filename, LADDER, "id", "wijkt af van de bestandsnaam"),
    (personal_data, LADDER + ":29", "persoonsgegevens", "telefoonnummer"),
    (raw_html, LADDER, "verhaal", "HTML gevonden"),
]


@pytest.mark.parametrize("breaker,path,field,what", CASES, ids=[c[0].__name__ for c in CASES])
def test_broken_situation_stops_build(tmp_path, breaker, path, field, what):
    project = make_project(tmp_path)
    breaker(project)
    result = build(project)
    assert result.returncode != 0, "the build should fail"
    lines = [l for l in result.stderr.splitlines() if l.startswith(f"{path}: {field}: ")]
    assert lines, f"no line '{path}: {field}: …' in:\n{result.stderr[-2000:]}"
    assert any(what in l for l in lines), lines
    assert "(" in lines[0] and lines[0].endswith(")"), "every line says what is allowed"


def test_all_problems_reported_together(tmp_path):
    project = make_project(tmp_path)
    unknown_value(project)
    dangling_related(project)
    empty_file(project)
    result = build(project)
    assert result.returncode != 0
    assert "tensions.1" in result.stderr and "related.0" in result.stderr and "leeg.md" in result.stderr


def test_good_fixture_builds_strict(tmp_path):
    project = make_project(tmp_path)
    result = build(project, strict=True)
    assert result.returncode == 0, result.stderr[-3000:]
    for md in (FIXTURES / "good").glob("*/*.md"):
        kind = "beelden" if "type: beeld" in md.read_text(encoding="utf-8") else "situaties"
        assert (project / "site" / kind / md.parent.name / md.stem / "index.html").is_file(), md


def test_personal_data_reported_even_when_the_schema_fails(tmp_path):
    project = make_project(tmp_path)
    missing_field(project)
    personal_data(project)
    result = build(project)
    assert result.returncode != 0
    assert f"{LADDER}: key_question: verplicht veld ontbreekt" in result.stderr
    assert "persoonsgegevens: telefoonnummer gevonden" in result.stderr
