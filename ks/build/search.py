"""Site search: a Pagefind index in small fragments, answered in the browser by a worker that speaks
Material's search protocol (docs/assets/js/search-worker.js), so Material's search box, keyboard
handling and result list stay as they are.

Material's own index (search/search_index.json, every page's full text, fetched whole on the first
search and built into lunr in the browser) holds no page (the hooks exclude every page from it), only
its config: Material still reads that file to start its search.
"""
from __future__ import annotations

import json
import re
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


class SiteIndex:
    """The search index of one build: pages go to Pagefind (ks.build.pagefind_service) as soon as they
    are built, and the bundle is written once at the end of the build.

    Only pages with a `data-pagefind-body` element are indexed, and only that element (set in
    overrides/main.html for every page except the print page, the printable bundles and card decks).
    A dirty build (`mkdocs serve --dirty`) builds only the changed pages, so then Pagefind indexes the
    whole site folder after the build instead."""

    def __init__(self, dirty: bool = False):
        self.dirty = dirty
        self._service = None
        self._pending: list[tuple[int, str]] = []
        self._write = None

    def add(self, url: str, html: str) -> None:
        """Index one built page (site-relative `url`, as MkDocs gives it)."""
        start = html.find("<div data-pagefind-body")
        if start < 0 or self.dirty:
            return
        if self._service is None:
            from ks.build.pagefind_service import PagefindService
            self._service = PagefindService({"force_language": "nl"})
        path = "/" + url.removesuffix("index.html")
        # Pagefind reads only the body element (its title is the first h1 in it), so the header and
        # the navigation before it (a page's largest part in a large catalogue) are not sent
        self._pending.append((self._service.add_page(path, '<html lang="nl"><body>' + html[start:]), path))

    def start_writing(self, site_dir: str | Path) -> None:
        """Ask Pagefind to write the bundle into site/pagefind/ (it works on while the build goes on)."""
        if self._service is not None and self._write is None:
            self._write = self._service.send({"type": "WriteFiles", "index_id": self._service.index_id,
                                              "output_path": str(Path(site_dir) / OUTPUT)})

    def finish(self, site_dir: str | Path) -> dict:
        """Wait for the bundle; {'pages': n, 'seconds': time waited}. Raises RuntimeError on any error."""
        start = time.perf_counter()
        if self.dirty:
            pages = index_folder(site_dir)
        elif self._service is None:
            raise RuntimeError("Zoekindex: geen enkele pagina heeft data-pagefind-body")
        else:
            try:
                for number, path in self._pending:
                    try:
                        self._service.answer(number)
                    except RuntimeError as exc:
                        raise RuntimeError(f"Zoekindex, pagina {path}: {exc}") from None
                pages = len(self._pending)
                self.start_writing(site_dir)
                self._service.answer(self._write)
            finally:
                self.close()
        site = Path(site_dir)
        for name in UNUSED:
            (site / OUTPUT / name).unlink(missing_ok=True)
        return {"pages": pages, "seconds": time.perf_counter() - start}

    def close(self) -> None:
        """Stop Pagefind (also when the build failed)."""
        if self._service is not None:
            self._service.close()
            self._service = None


def index_folder(site_dir: str | Path) -> int:
    """Index the whole built site with Pagefind's command line (Dutch); the number of pages."""
    import subprocess

    from ks.build.pagefind_service import executable
    site = Path(site_dir)
    run = subprocess.run([executable(), "--site", str(site), "--output-subdir", OUTPUT, "--force-language", "nl"],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"Pagefind ({run.returncode}):\n{run.stdout[-1500:]}\n{run.stderr[-1500:]}")
    entry = json.loads((site / OUTPUT / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(lang["page_count"] for lang in entry["languages"].values())
