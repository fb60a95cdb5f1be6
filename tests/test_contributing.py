"""Contributing: the new-situation template, the privacy check, the .github files and CONTRIBUTING.md."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from ks.tools import new_situation

from ks.catalogue import privacy
from ks.catalogue.load import CatalogueError, load_catalogue
from harness import front_matter
from project import FIXTURES, ROOT, build, make_project

GITHUB = ROOT / ".github"
FORM = GITHUB / "ISSUE_TEMPLATE" / "nieuwe-situatie.yml"
SCHEMA = json.loads((ROOT / "situations" / "schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def project(tmp_path):
    """A copy of the site code with the small fixture catalogue (collections alpha and beta)."""
    (tmp_path / "project").mkdir()
    return make_project(tmp_path / "project")


# ---- the template command -------------------------------------------------------------------

def test_new_situation_validates_and_carries_every_field(project, capsys):
    assert new_situation.main(["--root", str(project), "--collectie", "beta", "--titel", "De brief die niet kwam"]) == 0
    path = project / "situations" / "beta" / "de-brief-die-niet-kwam.md"
    assert "situations/beta/de-brief-die-niet-kwam.md" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    for name, prop in SCHEMA["properties"].items():
        assert re.search(rf"^(# )?{name}:", text, re.M), f"field {name} missing from the template"
        first_words = " ".join(prop["description"].split()[:6])
        assert first_words in " ".join(line.lstrip("# ") for line in text.splitlines()), f"no schema comment for {name}"
    cat = load_catalogue(project)
    entry = next(e for e in cat.entries if e.id == "de-brief-die-niet-kwam")
    assert entry.type == "situatie" and entry.collection == "beta" and entry.title == "De brief die niet kwam"


def test_new_inspection_situation_and_beeld_validate(project):
    assert new_situation.main(["--root", str(project), "--collectie", "alpha", "--titel", "Een inspectie: 'snel' of \"goed\"?"]) == 0
    assert new_situation.main(["--root", str(project), "--collectie", "alpha", "--titel", "Hoe Wim het deed", "--beeld"]) == 0
    cat = load_catalogue(project)
    inspection = next(e for e in cat.entries if e.id == "een-inspectie-snel-of-goed")
    assert inspection.domain and inspection.step and inspection.title == "Een inspectie: 'snel' of \"goed\"?"
    beeld = next(e for e in cat.entries if e.id == "beeld-hoe-wim-het-deed")
    assert beeld.type == "beeld" and beeld.situations
    assert build(project, strict=True).returncode == 0


def test_new_situation_gets_a_fresh_id(project):
    for _ in range(2):
        assert new_situation.main(["--root", str(project), "--collectie", "beta", "--titel", "De ladder"]) == 0
    assert (project / "situations" / "beta" / "de-ladder-2.md").exists()  # alpha/de-ladder.md already exists
    assert (project / "situations" / "beta" / "de-ladder-3.md").exists()
    load_catalogue(project)


def test_new_situation_asks_when_flags_are_missing(project):
    answers = iter(["9", "2", "ab", "Wat Ünal zei op de gang", "j"])
    assert new_situation.main(["--root", str(project)], ask=lambda prompt: next(answers)) == 0
    path = project / "situations" / "beta" / "beeld-wat-unal-zei-op-de-gang.md"
    assert front_matter(path)[0]["type"] == "beeld"
    load_catalogue(project)


def test_new_situation_refuses_unknown_collection(project, capsys):
    before = sorted(project.glob("situations/*/*.md"))
    assert new_situation.main(["--root", str(project), "--collectie", "gamma", "--titel", "Iets"]) == 1
    assert "onbekende collectie" in capsys.readouterr().err
    assert sorted(project.glob("situations/*/*.md")) == before


@pytest.mark.parametrize("title, slug", [
    ("Het rapport dat morgen weg moet", "het-rapport-dat-morgen-weg-moet"),
    ("Één café, twee cliënten!", "een-cafe-twee-clienten"),
    ("  --- ", "situatie"),
    ("a" * 70, "a" * 60),
    ("Een heel lange titel met veel woorden die samen meer dan zestig tekens tellen", "een-heel-lange-titel-met-veel-woorden-die-samen-meer-dan"),
])
def test_slugify(title, slug):
    assert new_situation.slugify(title) == slug
    assert re.fullmatch(SCHEMA["properties"]["id"]["pattern"], slug)


def test_cli_runs_as_a_module(project):
    result = subprocess.run([sys.executable, "-m", "ks.tools.new_situation", "--root", str(project),
                             "--collectie", "beta", "--titel", "Via de module"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert (project / "situations" / "beta" / "via-de-module.md").exists()


# ---- the privacy check ----------------------------------------------------------------------

FOUND = [
    ("email", "Mail naar j.de.vries@gemeente-voorbeeld.nl voor de stukken."),
    ("telefoon", "Bel me op 06-12345678 als het misgaat."),
    ("telefoon", "Het nummer was +31 (0)20 123 4567."),
    ("telefoon", "Receptie: 0031 30 1234567."),
    ("bsn", "Zijn BSN is 123456782."),
    ("bsn", "Burgerservicenummer 1234.56.782 stond op de brief."),
    ("iban", "Maak het over naar NL91 ABNA 0417 1643 00."),
    ("iban", "Rekening nl91abna0417164300 van de stichting."),
    ("postcode", "Ze woont aan de Kerkstraat 12, 1234 AB Amsterdam."),
    ("postcode", "Adres: 3511 LX 7, tweede verdieping."),
    ("sociale-media", "Zie https://www.linkedin.com/in/jan-de-vries-123 voor zijn cv."),
    ("sociale-media", "Ze postte het op instagram.com/@sanne.deboer gisteren."),
    ("sociale-media", "Zijn account x.com/janjansen stond vol."),
]
NOT_FOUND = [
    "Zijn nummer was 123456789, maar dat klopt niet met de elfproef.",
    "Het ging om € 125.000.000 subsidie en 2.500 woningen in 2023.",
    "Het rekeningnummer NL91ABNA0417164301 is ongeldig.",
    "Het postcodegebied 1234 AB was nieuw voor haar.",
    "De bijeenkomst duurde van 09:00 tot 12:30, kamer 3.14.",
    "Het bedrijf staat op linkedin.com/company/voorbeeld.",
    "Mail het maar naar het algemene adres van de afdeling.",
]


@pytest.mark.parametrize("pattern, text", FOUND)
def test_privacy_finds_each_pattern(pattern, text):
    found = privacy.scan("Eerste regel.\n" + text)
    assert [f.id for f in found] == [pattern], found
    assert found[0].line == 2


@pytest.mark.parametrize("text", NOT_FOUND)
def test_privacy_leaves_ordinary_text(text):
    assert privacy.scan(text) == []


def test_privacy_checks():
    assert privacy.elfproef("123456782") and privacy.elfproef("1234.56.782") and not privacy.elfproef("123456789")
    assert privacy.iban_valid("NL91 ABNA 0417 1643 00") and not privacy.iban_valid("NL91 ABNA 0417 1643 01")


def test_privacy_patterns_are_shared_and_portable():
    data = json.loads(privacy.PATTERNS_FILE.read_text(encoding="utf-8"))
    ids = {p["id"] for p in data["patterns"]}
    assert ids == {"email", "telefoon", "bsn", "iban", "postcode", "sociale-media"}
    for p in data["patterns"]:
        assert "(?P<" not in p["regex"] and "(?i" not in p["regex"], "JavaScript cannot read this pattern"
        assert set(p.get("flags", "")) <= {"i"}
        assert p.get("check", "elfproef") in privacy.CHECKS
    assert "privacy.json" in (ROOT / "docs" / "assets" / "js" / "lib" / "privacy.js").read_text(encoding="utf-8")


def test_real_content_has_no_personal_data(capsys):
    assert privacy.main([]) == 0, capsys.readouterr().out


def test_privacy_command_reports_file_line_and_what(tmp_path):
    story = tmp_path / "verhaal.md"
    story.write_text("---\ntitle: x\n---\nGewoon verhaal.\nBel 06-12345678.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ks.tools.privacy", str(story)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert f"{story}:5: telefoonnummer gevonden: '06-12345678'" in result.stdout


def test_build_stops_on_personal_data(tmp_path):
    situations = tmp_path / "situations"
    shutil.copytree(FIXTURES / "good", situations)
    path = situations / "beta" / "het-wachtlijstbesluit.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("Haar e-mailadres is moeder@example.nl en haar BSN 123456782.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", situations)
    with pytest.raises(CatalogueError) as exc:
        load_catalogue(project)
    where = f"situations/beta/het-wachtlijstbesluit.md:{len(lines)}"
    assert any(where in p and "e-mailadres" in p and "moeder@example.nl" in p for p in exc.value.problems)
    assert any(where in p and "burgerservicenummer" in p for p in exc.value.problems)
    result = build(project)
    assert result.returncode != 0 and where in result.stderr + result.stdout


# ---- .github ----------------------------------------------------------------------------------

@pytest.mark.parametrize("schema, files", [
    ("vendor.github-workflows", ["workflows/ci.yml", "workflows/pages.yml"]),
    ("vendor.github-issue-forms", ["ISSUE_TEMPLATE/nieuwe-situatie.yml"]),
    ("vendor.github-issue-config", ["ISSUE_TEMPLATE/config.yml"]),
])
def test_github_files_match_their_schemas(schema, files):
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                             *[str(GITHUB / f) for f in files]], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _steps(path):
    data = yaml.load((GITHUB / "workflows" / path).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return data, [s for job in data["jobs"].values() for s in job.get("steps", [])]


def test_ci_builds_and_runs_all_tests_with_debian_chromium():
    data, steps = _steps("ci.yml")
    assert {"pull_request", "push"} <= set(data["on"])
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "CI=true bash .ci/run" in runs and "--strict" in runs and "chromium" in runs
    assert all(job.get("container", "").startswith("debian:") for job in data["jobs"].values())


def test_pages_builds_and_deploys_with_the_official_actions():
    data, steps = _steps("pages.yml")
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages", "actions/configure-pages"} <= set(uses)
    assert any(s.get("run", "").strip() == "make build" for s in steps)
    assert data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"


def test_issue_form_dropdowns_follow_the_vocabulary():
    body = {b.get("id"): b for b in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]}
    expected = new_situation.issue_form_options()
    for field, options in expected.items():
        actual = body[field]["attributes"]["options"]
        if field == "collection":
            actual = actual[:-1]
        assert actual == options, f"update {FORM.name}: run python -m ks.tools.new_situation --formulier"
    assert body["tensions"]["attributes"]["multiple"] and body["themes"]["attributes"]["multiple"]


def test_issue_form_mirrors_the_schema_and_the_vertelpunt_consent():
    body = {b.get("id"): b for b in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]}
    assert {"story", "collection", "role", "summary", "tensions", "themes", "key_question", "questions", "consent"} <= set(body)
    template = (ROOT / "overrides" / "vertelpunt.html").read_text(encoding="utf-8")
    for option in body["consent"]["attributes"]["options"]:
        assert option["required"] and option["label"] in " ".join(template.split())


def test_codeowners_and_pull_request_template():
    owners = [line.split() for line in (GITHUB / "CODEOWNERS").read_text().splitlines() if line and not line.startswith("#")]
    assert owners[0][0] == "*" and all(o.startswith("@") for line in owners for o in line[1:])
    checklist = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert checklist.count("- [ ]") >= 5 and "make privacy" in checklist


# ---- CONTRIBUTING.md ---------------------------------------------------------------------------

def test_contributing_shows_the_fields_from_the_schema():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text.split("<!-- velden:begin -->\n", 1)[1].split("<!-- velden:end -->", 1)[0]
    assert block == new_situation.fields_table(), "run: python -m ks.tools.new_situation --velden"
    for command in ("make serve", "make nieuw", "make check", "make privacy", "make test"):
        assert command in text


def test_site_and_contributing_agree_on_required_fields(site):
    """One answer to 'is this field required': the schema, shown the same on the site and in CONTRIBUTING."""
    from ks.catalogue.schema import field_rows, read_schema
    html = (site / "bijdragen" / "woordenlijst" / "index.html").read_text(encoding="utf-8")
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = field_rows(read_schema(ROOT / "situations"))
    assert ("key_question", "bij een situatie") in [(n, r) for n, r, _ in rows]
    for name, required, _ in rows:
        assert f"<code>{name}</code></td><td>{required}</td>" in html, name
        assert f"| `{name}` | {required} |" in text, name
