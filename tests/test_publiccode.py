"""publiccode.yml against the standard, and the licences: EUPL-1.2 for the code, CC BY 4.0 for the content.

There is no published JSON Schema for publiccode.yml, and its official validator (publiccode-parser-go)
is a Go program that is on neither PyPI nor npm. tests/schemas/publiccode.schema.json is written from
the text of the standard (core keys, version 0.5, with its category and scope lists)."""
from __future__ import annotations

import copy
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from project import ROOT

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "publiccode.schema.json").read_text(encoding="utf-8"))


class _Strict(yaml.SafeLoader):
    """YAML without implicit dates and booleans from 'yes'/'no', as the standard asks (YAML 1.2)."""


_Strict.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp",)]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load() -> dict:
    return yaml.load((ROOT / "publiccode.yml").read_text(encoding="utf-8"), Loader=_Strict)


def _errors(doc) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in Draft202012Validator(SCHEMA).iter_errors(doc)]


def test_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


def test_publiccode_yml_is_valid():
    assert _errors(_load()) == []


def test_publiccode_matches_the_site_config_and_the_licence():
    doc = _load()
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert doc["url"] == config["repo_url"]
    assert doc["landingURL"] == config["site_url"][1]  # the default of !ENV [SITE_URL, default]
    assert doc["name"] == config["site_name"]
    assert doc["legal"]["license"] == "EUPL-1.2"
    assert doc["localisation"]["availableLanguages"] == ["nl"]


@pytest.mark.parametrize("path, value, what", [
    (("name",), None, "(top): 'name' is a required property"),
    (("developmentStatus",), "klaar", "developmentStatus:"),
    (("softwareType",), "website", "softwareType:"),
    (("categories",), ["dilemmas"], "categories.0:"),
    (("description", "nl", "shortDescription"), "x" * 151, "description.nl.shortDescription:"),
    (("description", "nl", "longDescription"), "te kort", "description.nl.longDescription:"),
    (("maintenance", "contacts"), None, "maintenance: 'contacts' is a required property"),
    (("localisation", "localisationReady"), "nee", "localisation.localisationReady:"),
    (("releaseDate",), "23-11-2026", "releaseDate:"),
    (("unknownKey",), "x", "(top): 'unknownKey' does not match"),
])
def test_schema_catches_each_kind_of_mistake(path, value, what):
    doc = copy.deepcopy(_load())
    target = doc
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    errors = _errors(doc)
    assert any(e.startswith(what) for e in errors), errors


def test_code_licence_is_the_full_eupl_12():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    for part in ("1.Definitions", "5.Obligations of the Licensee", "15.Applicable Law", "Appendix"):
        assert part in text, part
    assert len(text) > 12_000


def test_content_licence_is_cc_by_40():
    text = (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "EUPL-1.2" in text
    assert "Creative Commons Attribution 4.0 International" in text
    assert "Section 1 – Definitions." in text and "Section 8 – Interpretation." in text


def test_licences_are_stated_in_readme_footer_and_about_page(site):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "EUPL-1.2" in readme and "CC BY 4.0" in readme
    home = (site / "index.html").read_text(encoding="utf-8")
    footer = home.split('class="md-copyright"', 1)[1].split("</div>", 2)[0]
    assert "CC BY 4.0" in footer and "EUPL-1.2" in footer, footer
    about = (site / "over" / "index.html").read_text(encoding="utf-8")
    assert "CC BY 4.0" in about and "EUPL-1.2" in about
