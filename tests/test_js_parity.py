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
