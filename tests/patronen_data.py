"""Helpers for the vertelronde tests and the benchmark: the example round, round files on disk, and the
patterns computed in Python (independently of the browser's patronen-stats.js)."""
from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Een titel'
HOSTILE_STORY = 'Een verhaal.<script>window.__pwned=2</script>\n\n<b onmouseover="window.__pwned=3">vet</b> {{ 7*7 }}'
BINS = [(0, 19), (20, 39), (40, 59), (60, 79), (80, 100)]


def example_round(site: Path) -> dict:
    """The published example round (api/v1/voorbeeldronde.json) of a built site."""
    return json.loads((site / "api" / "v1" / "voorbeeldronde.json").read_text(encoding="utf-8"))


def hostile_story(base: dict) -> dict:
    """A valid story file whose texts try to be markup."""
    return dict(copy.deepcopy(base), id="vijandig", title=HOSTILE_TITLE, story=HOSTILE_STORY,
                summary='"><svg onload="window.__pwned=4">', key_question="<script>window.__pwned=5</script>?")


def write_round(folder: Path, stories: list[dict], extra: dict[str, str] | None = None) -> list[Path]:
    """One JSON file per story (named by id) plus `extra` files (name -> raw text)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in stories:
        p = folder / f"{s['id']}.json"
        p.write_text(json.dumps(s, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(p)
    for name, text in (extra or {}).items():
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def synthetic(stories: list[dict], n: int) -> list[dict]:
    """`n` distinct stories made from the example ones (for the 1,000-story benchmark)."""
    out = []
    for i in range(n):
        s = copy.deepcopy(stories[i % len(stories)])
        s["id"] = f"{s['id'][:50]}-{i}"
        s["story"] = f"{s['story']}\n\nVariant {i}."
        out.append(s)
    return out


def patterns(stories: list[dict], value_order: list[str], duiding: dict) -> dict:
    """The counts the patronen page must show, computed here in plain Python."""
    pos = {k: i for i, k in enumerate(value_order)}
    pair = lambda p: "|".join(sorted(p, key=lambda v: pos[v]))  # noqa: E731
    result = {
        "n": len(stories),
        "sectors": Counter(s["sector"] for s in stories),
        "roles": Counter(s["role"] for s in stories),
        "tensions": Counter(k for s in stories for k in {pair(p) for p in s["tensions"]}),
        "themes": Counter(t for s in stories for t in set(s["themes"])),
        "role_tension": Counter((k, s["role"]) for s in stories for k in {pair(p) for p in s["tensions"]}),
        "did_outcome": Counter((d, s["duiding"].get("afloop") or "") for s in stories
                               for d in set(s["duiding"].get("gedaan") or [])),
    }
    for key in duiding["sliders"]:
        bins = Counter()
        for s in stories:
            v = s["duiding"].get(key)
            bins["overgeslagen" if v is None else str(next(i for i, (a, b) in enumerate(BINS) if a <= v <= b))] += 1
        result["slider:" + key] = bins
    for key, q in duiding["choices"].items():
        c = Counter()
        for s in stories:
            v = s["duiding"].get(key)
            picked = set(v if isinstance(v, list) else [v]) - {None} if v is not None else set()
            for o in picked:
                c[o] += 1
            if not picked:
                c["overgeslagen"] += 1
        result["choice:" + key] = c
    return result
