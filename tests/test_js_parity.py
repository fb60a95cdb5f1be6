"""Logic that both Python and the browser need gives the same answers on both sides (run in Node)."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from ks.catalogue import privacy
from ks.tools import new_situation
from project import ROOT

JS = ROOT / "docs" / "assets" / "js" / "lib"
TITLES = ["Één café, twee cliënten!", "a" * 70, "Een heel lange titel met veel woorden die samen meer dan zestig tekens",
          "  --Wat nu?--  ", "Ĳsbaan & ‘quotes’", "", "De vergunning: \"vandaag nog\"?"]


def node(script: str, payload) -> object:
    """Run an ES module snippet in Node with `payload` as the variable input; return its JSON output."""
    exe = shutil.which("node")
    if not exe:
        pytest.fail("Node.js ontbreekt: installeer nodejs (make system)")
    code = f"const input = {json.dumps(payload)};\n{script}"
    out = subprocess.run([exe, "--input-type=module", "-e", code], capture_output=True, text=True, cwd=JS, check=True)
    return json.loads(out.stdout)


def test_slugify_and_unique_id_agree():
    taken = sorted(new_situation.existing_ids(ROOT / "situations"))
    js = node("""import { slugify, uniqueId } from './ids.js';
      const taken = new Set(input.taken);
      console.log(JSON.stringify(input.titles.map((t) => [slugify(t), uniqueId(slugify(t), taken)])));""",
              {"titles": TITLES + [taken[0].replace("-", " ")], "taken": taken})
    py = [[new_situation.slugify(t), new_situation.unique_id(new_situation.slugify(t), set(taken))]
          for t in TITLES + [taken[0].replace("-", " ")]]
    assert js == py
    assert js[-1][1] == taken[0] + "-2", "a title that exists gets a free id"


def test_personal_data_scan_agrees():
    from test_contributing import FOUND, NOT_FOUND
    texts = [t for _, t in FOUND] + NOT_FOUND
    patterns = json.loads((ROOT / "situations" / "privacy.json").read_text(encoding="utf-8"))["patterns"]
    js = node("""import { privacyScanner } from './privacy.js';
      const scan = privacyScanner(input.patterns);
      console.log(JSON.stringify(input.texts.map((t) => scan(t).map((h) => h.text))));""",
              {"patterns": patterns, "texts": texts})
    assert js == [[f.text for f in privacy.scan(t)] for t in texts]
    assert any(js), "the cases find something"


def test_archetype_is_filled_the_same_way():
    from ks.catalogue import archetype
    template = archetype.read("situatie")
    values = {"header": "# Geschreven in het vertelpunt.\n# Tweede regel.", "id": "een-test", "title": 'Een "titel": ja?',
              "collection": "inspecties", "role": "true", "domain": None, "step": {"comment": "oordeel"},
              "summary": "Tekst met ‘quotes’, \\ en\ttab.", "tensions": [["snelheid", "zorgvuldigheid"], ["a b", "c"]],
              "themes": ["tegenspraak", "On"], "key_question": "Wat nu?", "questions": {"goed_is": ["Wat vraagt dit?"], "jouw_keuze": ["Wat doe jij?"]},
              "related": "[]", "personen": "[]", "story": "Eerste alinea.\n\nTweede <b>alinea</b>."}
    py_values = dict(values, title=archetype.yaml_text(values["title"]), summary=archetype.yaml_text(values["summary"]),
                     collection=archetype.yaml_key(values["collection"]), role=archetype.yaml_key(values["role"]),
                     tensions=archetype.yaml_tensions(values["tensions"]), themes=archetype.yaml_keys(values["themes"]),
                     key_question=archetype.yaml_text(values["key_question"]), questions=archetype.yaml_questions(values["questions"]))
    js = node("""import { fill, yamlKey, yamlKeys, yamlQuestions, yamlTensions, yamlText } from './archetype.js';
      const v = input.values;
      console.log(JSON.stringify(fill(input.template, Object.assign({}, v, { title: yamlText(v.title), summary: yamlText(v.summary),
        collection: yamlKey(v.collection), role: yamlKey(v.role), tensions: yamlTensions(v.tensions), themes: yamlKeys(v.themes),
        key_question: yamlText(v.key_question), questions: yamlQuestions(v.questions) }))));""",
              {"template": template, "values": values})
    py = archetype.fill(template, py_values)
    assert js == py
    assert "domain:" not in py and "# step: oordeel" in py and 'role: "true"' in py and '[tegenspraak, "On"]' in py
