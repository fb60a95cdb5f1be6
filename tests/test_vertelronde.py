"""The vertelronde's data: the duidingsvragen defined once, the published story schema and example round,
and the browser's reader of story files agreeing with the schema (run in Node)."""
from __future__ import annotations

import copy
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from ks.catalogue import privacy
from ks.catalogue.duiding import load_duiding
from patronen_data import example_round
from project import ROOT, build, make_project
from spelling import unknown_words
from test_js_parity import node


def _published(site):
    schema = json.loads((site / "api" / "v1" / "vertelling.schema.json").read_text(encoding="utf-8"))
    return schema, example_round(site)


def _broken(story: dict) -> list[tuple[str, dict]]:
    """Ways a story file can be wrong, each one field."""
    out = []
    def change(name, fn):
        s = copy.deepcopy(story)
        fn(s)
        out.append((name, s))
    change("slider above 100", lambda s: s["duiding"].update(regels=101))
    change("slider as text", lambda s: s["duiding"].update(samen="veel"))
    change("unknown outcome", lambda s: s["duiding"].update(afloop="prima"))
    change("unknown action", lambda s: s["duiding"].update(gedaan=["gebeld"]))
    change("unknown role", lambda s: s.update(role="directeur"))
    change("unknown theme", lambda s: s.update(themes=["gezelligheid"]))
    change("tension of one", lambda s: s.update(tensions=[["snelheid"]]))
    change("other format", lambda s: s.update(format="iets-anders"))
    change("version 2", lambda s: s.update(version=2))
    change("empty story", lambda s: s.update(story=""))
    change("no duiding", lambda s: s.pop("duiding"))
    return out


def test_story_schema_is_published_and_has_no_personal_fields(site, catalogue):
    schema, _ = _published(site)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False and schema["properties"]["version"]["const"] == 1
    duiding = load_duiding(ROOT / "situations" / "duiding.yml", catalogue.vocabulary)
    assert set(schema["properties"]["duiding"]["required"]) == set(duiding["sliders"]) | set(duiding["choices"])
    assert schema["properties"]["duiding"]["properties"]["afloop"]["enum"] == list(duiding["choices"]["afloop"]["options"]) + [None]
    for word in ("naam", "name", "email", "mail", "telefoon", "auteur", "author"):
        assert not any(word in key for key in schema["properties"]), word


def test_example_round_has_thirty_valid_distinct_stories(site, catalogue):
    schema, rnd = _published(site)
    stories = rnd["stories"]
    assert rnd["format"] == "kritische-situaties/vertelronde" and len(stories) >= 30
    validator = Draft202012Validator(schema)
    assert [f"{s['id']}: {e.message}" for s in stories for e in validator.iter_errors(s)] == []
    assert len({s["id"] for s in stories}) == len(stories) and len({s["story"] for s in stories}) == len(stories)
    assert {s["collection"] for s in stories} <= {c.id for c in catalogue.collections}
    assert len({s["collection"] for s in stories}) >= 5 and len({s["role"] for s in stories}) >= 6
    assert all(privacy.scan(" ".join([s["title"], s["summary"], s["story"], s["key_question"]])) == [] for s in stories)
    answers = [v for s in stories for v in s["duiding"].values()]
    assert None in answers, "the example shows that a question can be skipped"
    assert len({s["duiding"]["afloop"] for s in stories}) == 5  # four outcomes and 'overgeslagen'


def test_example_round_is_spelled_right(site):
    _, rnd = _published(site)
    text = "\n".join([rnd["title"], rnd["description"]] +
                     [s[k] for s in rnd["stories"] for k in ("title", "summary", "story", "key_question")])
    assert unknown_words(text) == []


def test_schema_rejects_each_broken_field(site):
    schema, rnd = _published(site)
    validator = Draft202012Validator(schema)
    for name, story in _broken(rnd["stories"][0]):
        assert list(validator.iter_errors(story)), name
    assert list(validator.iter_errors(dict(rnd["stories"][0], naam="Iemand"))), "no field for a name"


def test_browser_reader_agrees_with_the_schema(site):
    schema, rnd = _published(site)
    api = json.loads((site / "api" / "v1" / "situaties.json").read_text(encoding="utf-8"))
    duiding = yaml.safe_load((ROOT / "situations" / "duiding.yml").read_text(encoding="utf-8"))
    cases = [("example", s) for s in rnd["stories"]] + _broken(rnd["stories"][0])
    js = node("""import { knownKeys, parseFile, storyProblem } from './vertelling.js';
      const known = knownKeys(input.vocabulary);
      console.log(JSON.stringify({ each: input.cases.map((s) => storyProblem(s, known, input.duiding)),
        round: parseFile(JSON.stringify(input.round), known, input.duiding).stories.length,
        broken: parseFile('{"format":', known, input.duiding).error }));""",
              {"vocabulary": api["vocabulary"], "duiding": duiding, "cases": [s for _, s in cases], "round": rnd})
    validator = Draft202012Validator(schema)
    for (name, story), problem in zip(cases, js["each"]):
        assert (problem == "") == (not list(validator.iter_errors(story))), f"{name}: browser says {problem!r}"
    assert js["round"] == len(rnd["stories"]) and "JSON" in js["broken"]


def test_duiding_definition_names_what_is_wrong(tmp_path, catalogue):
    bad = tmp_path / "duiding.yml"
    bad.write_text(yaml.safe_dump({"min_n": 0, "sliders": {"regels": {"question": "Wat?"}, "goed_zus": {
        "question": "Q", "left": "a", "right": "b", "side": True}}, "choices": {"afloop": {"question": "Hoe?", "options": {"goed": "goed"}}}}),
        encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_duiding(bad, catalogue.vocabulary)
    text = str(info.value)
    for part in ("min_n", "sliders.regels", "sliders.goed_zus: side", "choices.afloop.options"):
        assert part in text, part


def test_a_broken_example_round_stops_the_build(tmp_path):
    (tmp_path / "p").mkdir()
    project = make_project(tmp_path / "p")
    path = project / "situations" / "voorbeeldronde.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["stories"][2]["duiding"]["afloop"] = "prima"
    data["stories"][3]["story"] = "Mail me op iemand@voorbeeld.nl als het kan."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "voorbeeldronde.yml: stories.2.duiding.afloop" in result.stderr and "stories.3: e-mailadres" in result.stderr
