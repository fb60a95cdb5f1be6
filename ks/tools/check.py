"""Command line: validate the catalogue and print a short summary.  python -m ks.tools.check [ROOT]"""
import sys
from pathlib import Path

from ks import ROOT
from ks.catalogue.load import CatalogueError, load_catalogue


def main(argv: list[str]) -> int:
    """Validate; print problems (exit 1) or counts per collection (exit 0)."""
    root = Path(argv[0]) if argv else ROOT
    try:
        cat = load_catalogue(root)
    except CatalogueError as exc:
        print(exc, file=sys.stderr)
        return 1
    for c in cat.collections:
        items = cat.by_collection[c.id]
        n_sit = sum(1 for e in items if e.type == "situatie")
        print(f"{c.id}: {n_sit} situaties, {len(items) - n_sit} beelden")
    print(f"OK: {len(cat.entries)} bestanden, {len(cat.by_tension)} spanningen in gebruik.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
