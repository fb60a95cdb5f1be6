"""Site search: a Pagefind index in small fragments, answered in the browser by a worker that speaks
Material's search protocol (docs/assets/js/search-worker.js), so Material's search box, keyboard
handling and result list stay as they are.

Material's own index (search/search_index.json, every page's full text, fetched whole on the first
search and built into lunr in the browser) is cut down to its config: Material still reads that file
to start its search and to highlight words on the page a result opens.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

OUTPUT = "pagefind"
# Pagefind writes its own ready-made interfaces beside the search library; this site uses only the
# library (pagefind.js, the Dutch wasm, the index and fragments), so the rest is not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "pagefind-worker.js", "wasm.unknown.pagefind")


WORDS = "search/woorden.json"
WORD = re.compile(r"[^\W\d_]{4,}")


def words(catalogue) -> list[str]:
    """The words a search with no result suggests from: titles and summaries of the situations and
    beelden, and the labels of values, themes and roles (lower case, four letters or more, sorted)."""
    texts = [e.title + " " + e.summary for e in catalogue.entries]
    texts += [t.label for kind in ("values", "themes", "roles") for t in catalogue.vocabulary.terms(kind)]
    return sorted({w.lower() for text in texts for w in WORD.findall(text)})


def write_words(site_dir: str | Path, catalogue) -> None:
    """search/woorden.json: the word list for "Bedoelde je …?" (fetched only when nothing is found)."""
    path = Path(site_dir) / WORDS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(words(catalogue), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def build_index(site_dir: str | Path) -> dict:
    """Index the built site with Pagefind (Dutch stemming); {'pages': n, 'seconds': s}.

    Only the part of a page inside `data-pagefind-body` is indexed (set in overrides/main.html for
    every page except the print page and the printable bundles and card decks)."""
    site = Path(site_dir)
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", OUTPUT,
           "--force-language", "nl"]
    run = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"pagefind failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    for name in UNUSED:
        (site / OUTPUT / name).unlink(missing_ok=True)
    pages = json.loads((site / OUTPUT / "pagefind-entry.json").read_text(encoding="utf-8"))
    _shrink_material_index(site)
    return {"pages": sum(lang["page_count"] for lang in pages["languages"].values()),
            "seconds": time.perf_counter() - start}


def _shrink_material_index(site: Path) -> None:
    """Keep only the config of Material's search index (no documents)."""
    path = site / "search" / "search_index.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps({"config": data["config"], "docs": []}, ensure_ascii=False),
                        encoding="utf-8")
