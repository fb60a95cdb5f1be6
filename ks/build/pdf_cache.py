"""A content-keyed cache of printed PDFs, so a rebuild prints again only the PDFs whose source changed.

The key of a PDF is the SHA-256 of: the HTML it is printed from, every local file that HTML loads
(stylesheets, scripts, images, by `src=`/`href=` to a non-HTML file), the site's own JavaScript (the
components can change a page), the footer text, and a salt (the browser binary and the print options).
The cache is a folder of `<key>.pdf` files, by default `.pdf-cache/` beside mkdocs.yml (git ignores it);
`KS_PDF_CACHE=<folder>` moves it, `KS_PDF_CACHE=0` switches it off (cold build, as CI does).
"""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import time
from pathlib import Path

LOCAL_REF = re.compile(r'\b(?:src|href)="([^"#?:]+\.(?:css|js|mjs|png|jpe?g|gif|svg|webp|woff2?|ttf))(?:[?#][^"]*)?"',
                       re.IGNORECASE)
KEEP_DAYS = 14  # entries not used by this build are removed once they are this old
OFF = {"0", "false", "no", "off", ""}


def cache_dir(config) -> Path | None:
    """The cache folder for this build, or None when KS_PDF_CACHE switches the cache off."""
    value = os.environ.get("KS_PDF_CACHE")
    if value is not None:
        return None if value.strip().lower() in OFF else Path(value)
    return Path(config.config_file_path).resolve().parent / ".pdf-cache"


def html_path(site_dir: Path, url: str) -> Path:
    """The file a site URL is served from (`x/` -> x/index.html, `x.html` -> x.html)."""
    return site_dir / url if url.endswith(".html") else site_dir / url / "index.html"


class PdfCache:
    """Look up, restore and store PDFs by the hash of what they are printed from."""

    def __init__(self, folder: Path | None, site_dir: Path, salt: list[str]):
        self.folder, self.site_dir = folder, site_dir
        self.used: set[str] = set()
        self._files: dict[Path, bytes] = {}
        h = hashlib.sha256("\n".join(salt).encode())
        js = site_dir / "assets" / "js"
        for f in sorted(js.rglob("*")) if js.is_dir() else []:
            if f.is_file():
                h.update(f.relative_to(site_dir).as_posix().encode() + b"\0" + self._digest(f))
        self.salt = h.digest()
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def _digest(self, path: Path) -> bytes:
        if path not in self._files:
            self._files[path] = hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-"
        return self._files[path]

    def key(self, url: str, extra: str) -> str:
        """The key of the PDF printed from site URL `url` with the extra CSS `extra`."""
        page = html_path(self.site_dir, url)
        text = page.read_text(encoding="utf-8")
        h = hashlib.sha256(self.salt)
        h.update(extra.encode() + b"\0" + text.encode())
        base = page.parent.relative_to(self.site_dir).as_posix()
        for ref in sorted(set(LOCAL_REF.findall(text))):
            target = posixpath.normpath(posixpath.join(base, ref)) if not ref.startswith("/") else ref.lstrip("/")
            h.update(target.encode() + b"\0" + self._digest(self.site_dir / target))
        return h.hexdigest()

    def restore(self, key: str, out: Path) -> bool:
        """Copy the cached PDF for `key` to `out`; False when there is none (or no cache)."""
        if self.folder is None:
            return False
        cached = self.folder / f"{key}.pdf"
        if not cached.is_file():
            return False
        shutil.copyfile(cached, out)
        os.utime(cached)
        self.used.add(cached.name)
        return True

    def store(self, key: str, pdf: Path) -> None:
        """Keep a freshly printed PDF under its key (written to a temp name first, then renamed)."""
        if self.folder is None:
            return
        tmp = self.folder / f".{key}.{os.getpid()}.tmp"
        shutil.copyfile(pdf, tmp)
        os.replace(tmp, self.folder / f"{key}.pdf")
        self.used.add(f"{key}.pdf")

    def prune(self) -> None:
        """Remove entries this build did not use that are older than KEEP_DAYS."""
        if self.folder is None:
            return
        limit = time.time() - KEEP_DAYS * 86400
        for f in self.folder.glob("*.pdf"):
            if f.name not in self.used and f.stat().st_mtime < limit:
                f.unlink(missing_ok=True)
