"""Maintainer tool: suggest related situations from other collections, by shared tensions and themes.

    python -m ks.tools.suggest_related            # print suggestions
    python -m ks.tools.suggest_related --apply    # add the best two (from different collections) where a link is missing

Only situations whose `related` list has no entry from another collection are changed.
"""
from __future__ import annotations

from ks import ROOT
import re
import sys
from pathlib import Path

from ks.catalogue.load import load_catalogue
from ks.catalogue.model import Catalogue, Entry



def score(a: Entry, b: Entry) -> int:
    """Shared tensions weigh three, shared themes one."""
    return 3 * len(set(a.tensions) & set(b.tensions)) + len(set(a.themes) & set(b.themes))


def suggestions(cat: Catalogue, entry: Entry, n: int = 2) -> list[Entry]:
    """The `n` best situations from other collections (candidates come from the tension index)."""
    candidates = {}
    for pair in entry.tensions:
        for other in cat.by_tension.get(pair, []):
            if other.collection != entry.collection and other.type == "situatie":
                candidates[other.id] = other
    if not candidates:
        for theme in entry.themes:
            for other in cat.by_theme.get(theme, []):
                if other.collection != entry.collection and other.type == "situatie":
                    candidates[other.id] = other
    ranked = sorted(candidates.values(), key=lambda o: (-score(entry, o), o.collection, o.order))
    picked, seen_coll = [], set()
    for o in ranked:
        if o.collection not in seen_coll:
            picked.append(o)
            seen_coll.add(o.collection)
        if len(picked) == n:
            break
    return picked


def add_related(path: Path, ids: list[str]) -> None:
    """Append ids to the `related:` list of a file's front matter (flow or block style)."""
    text = path.read_text(encoding="utf-8")
    head_end = text.index("\n---", 3)
    head, rest = text[:head_end], text[head_end:]
    flow = re.search(r"^related:\s*\[(.*?)\]\s*$", head, re.M)
    block = re.search(r"^related:\s*\n((?:\s+-\s.*\n?)+)", head + "\n", re.M)
    if flow:
        items = [x.strip() for x in flow.group(1).split(",") if x.strip()] + ids
        head = head[:flow.start()] + f"related: [{', '.join(items)}]" + head[flow.end():]
    elif block:
        indent = re.match(r"(\s+)-", block.group(1)).group(1)
        extra = "".join(f"{indent}- {i}\n" for i in ids)
        head = (head + "\n")[:block.end()] + extra + (head + "\n")[block.end():]
        head = head.rstrip("\n")
    else:
        head += f"\nrelated: [{', '.join(ids)}]"
    path.write_text(head + rest, encoding="utf-8")


def main(argv: list[str]) -> int:
    """Print (or with --apply, write) cross-collection related suggestions."""
    cat = load_catalogue(ROOT)
    apply = "--apply" in argv
    for e in cat.situations:
        has_other = any(cat.by_id[r].collection != e.collection for r in e.related)
        best = suggestions(cat, e)
        print(f"{e.id}: {'ok' if has_other else 'MIST'} -> " + ", ".join(f"{o.id} ({score(e, o)})" for o in best))
        if apply and not has_other and best:
            add_related(ROOT / e.path, [o.id for o in best])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
