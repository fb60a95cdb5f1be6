"""Broken situation files stop the build with one clear line naming the file and the field."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ks.catalogue.load import CatalogueError, load_catalogue
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


def _story(markdown):
    """A breaker that puts `markdown` into the story of de-ladder."""
    def breaker(p):
        _replace(p / LADDER, "De ladder wiebelt.", "De ladder wiebelt. " + markdown)
    breaker.__name__ = "story"
    return breaker


def _yaml_text(rel, old, new):
    def breaker(p):
        _replace(p / rel, old, new)
    return breaker


ALPHA = "situations/alpha/collection.yml"
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
    (_yaml_text(LADDER, "domain: ", "# domain: "), LADDER, "domain", "verplicht veld ontbreekt bij een inspectiesituatie"),
]
# Hostile or careless contributions: every route to script or to another host stops the build.
SAFETY = {
    "javascript-link": (_story("[klik](javascript:alert(1))"), LADDER, "verhaal", "niet-toegestaan schema"),
    "javascript-upper-case": (_story("[klik](JaVaScRiPt:alert(1))"), LADDER, "verhaal", "niet-toegestaan schema"),
    "javascript-entity": (_story("[klik](javascript&#58;alert(1))"), LADDER, "verhaal", "niet-toegestaan schema"),
    "javascript-entity-hex": (_story("[klik](&#x6A;avascript:alert(1))"), LADDER, "verhaal", "niet-toegestaan schema"),
    "javascript-reference": (_story("[klik][x]\n\n[x]: javascript:alert(1)\n"), LADDER, "verhaal", "niet-toegestaan schema"),
    "data-url": (_story("[klik](data:text/html;base64,PHNjcmlwdD4=)"), LADDER, "verhaal", "niet-toegestaan schema"),
    "image-other-host": (_story("![pixel](https://tracker.example/p.gif)"), LADDER, "verhaal", "afbeelding van een andere site"),
    "image-protocol-relative": (_story("![pixel](//tracker.example/p.gif)"), LADDER, "verhaal", "afbeelding van een andere site"),
    "image-reference": (_story("![pixel][p]\n\n[p]: https://tracker.example/p.gif\n"), LADDER, "verhaal", "afbeelding van een andere site"),
    "attribute-list-handler": (_story("\n{: onclick=\"alert(1)\" }"), LADDER, "verhaal", "attributenlijst"),
    "image-in-summary": (_yaml_text(LADDER, "summary: ", "summary: Zie ![x](//tracker.example/p.gif) "), LADDER, "summary", "afbeelding van een andere site"),
    "link-in-question": (_yaml_text(LADDER, "- Wat vraagt", "- Wat [vraagt](javascript:x)"), LADDER, "questions.goed_is.0", "niet-toegestaan schema"),
    **{f"html-in-collection-{field}": (_yaml_text(ALPHA, f"{field}: ", f"{field}: <script>alert(1)</script> "), ALPHA, field, "HTML gevonden")
       for field in ("name", "short_name", "made_with", "audience")},
    "html-in-collection-intro": (_yaml_text(ALPHA, "  Een kleine", "  <img src=x onerror=alert(1)> Een kleine"), ALPHA, "intro", "HTML gevonden"),
    "html-in-collection-origin": (_yaml_text(ALPHA, "  Gemaakt voor", "  <script>alert(1)</script> Gemaakt voor"), ALPHA, "origin", "HTML gevonden"),
    "link-in-guide": (_yaml_text("situations/gesprek.yml", "Een korte ronde:", "[Een](javascript:alert(1)) korte ronde:"),
                      "situations/gesprek.yml", "running_orders.standaard.steps.0.what", "niet-toegestaan schema"),
    "html-in-vocabulary": (_yaml_text("situations/vocabulary.yml", '"Snel handelen', '"<iframe src=//x.example></iframe> Snel handelen'),
                           "situations/vocabulary.yml", "values.snelheid.definition", "HTML gevonden"),
}


def _problem_lines(project):
    """The loader's problem lines for a project (empty when it loads)."""
    try:
        load_catalogue(project)
    except CatalogueError as exc:
        return exc.problems
    return []


@pytest.mark.parametrize("breaker,path,field,what", CASES + list(SAFETY.values()), ids=[c[0].__name__ for c in CASES] + list(SAFETY))
def test_broken_situation_is_named_by_file_and_field(tmp_path, breaker, path, field, what):
    project = make_project(tmp_path)
    breaker(project)
    lines = [l for l in _problem_lines(project) if l.startswith(f"{path}: {field}: ")]
    assert lines, f"no line '{path}: {field}: …' in:\n" + "\n".join(_problem_lines(project))
    assert any(what in l for l in lines), lines
    assert "(" in lines[0] and lines[0].endswith(")"), "every line says what is allowed"


def test_local_images_and_safe_links_are_allowed(tmp_path):
    project = make_project(tmp_path)
    _story("[wet](https://wetten.overheid.nl/) [mail](mailto:?subject=Vraag) [gids](../../gesprek/index.md) "
           "![schets](../../assets/schets.png)")(project)
    assert _problem_lines(project) == []


@pytest.mark.parametrize("name", ["javascript-entity", "html-in-collection-intro"])
def test_unsafe_contribution_stops_the_build(tmp_path, name):
    breaker, path, field, what = SAFETY[name]
    project = make_project(tmp_path)
    breaker(project)
    result = build(project)
    assert result.returncode != 0, "the build should fail"
    assert any(l.startswith(f"{path}: {field}: ") and what in l for l in result.stderr.splitlines()), result.stderr[-2000:]


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
