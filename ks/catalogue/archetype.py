"""Archetypes (as in Hugo): archetypes/<type>.md is the layout of a new file, filled by `make nieuw`
(ks.tools.new_situation) and by the vertelpunt in the browser (docs/assets/js/lib/archetype.js).

Both sides follow the same rules, and a parity test runs them on the same values:
- `{{ name }}` is replaced by values[name];
- a line whose value is None (JS: null/undefined) is left out;
- a value {"comment": text} puts the line in the file as a YAML comment ("# name: text").
The yaml_* helpers write values the same way on both sides (JSON-quoted text, bare keys).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ks import ROOT

SLOT = re.compile(r"\{\{ (\w+) \}\}")
RESERVED = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}


def read(kind: str, root: Path = ROOT) -> str:
    """The archetype text for a 'situatie' or a 'beeld'."""
    return (root / "archetypes" / f"{kind}.md").read_text(encoding="utf-8")


def fill(template: str, values: dict) -> str:
    """The archetype with its slots filled (see the module docstring for the rules)."""
    out = []
    for line in template.split("\n"):
        names = SLOT.findall(line)
        if any(values.get(n) is None for n in names):
            continue
        comment = any(isinstance(values[n], dict) for n in names)
        text = SLOT.sub(lambda m: (lambda v: v["comment"] if isinstance(v, dict) else v)(values[m.group(1)]), line)
        out.append("# " + text if comment else text)
    return "\n".join(out)


def yaml_text(text: str) -> str:
    """A text value as YAML (a JSON string is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def yaml_key(key: str) -> str:
    """A vocabulary key bare, anything else quoted."""
    return key if re.fullmatch(r"[a-z][a-z0-9-]*", key or "") and key not in RESERVED else yaml_text(key or "")


def yaml_keys(keys) -> str:
    """A flow list of keys: [a, b]."""
    return "[" + ", ".join(yaml_key(k) for k in keys) + "]"


def yaml_tensions(pairs) -> str:
    """The tension pairs, one list item per line."""
    return "\n".join(f"  - [{yaml_key(a)}, {yaml_key(b)}]" for a, b in pairs)


def yaml_questions(questions: dict) -> str:
    """The questions per side of good work."""
    return "\n".join(f"  {side}:\n" + "\n".join(f"    - {yaml_text(q)}" for q in qs) for side, qs in questions.items())
