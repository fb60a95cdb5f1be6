"""The PDFs, printed by one headless Debian Chromium (via Playwright, two pages at once) after the site
is built; a PDF whose source did not change comes from the cache (ks.build.pdf_cache).

Per situation and beeld (downloads/<id>.pdf), per collection (downloads/collectie-<id>.pdf, assembled
by ks.build.bundle), the question card deck and the whole site (print-site's print page).
"""
from __future__ import annotations

import asyncio
import functools
import http.server
import io
import logging
import os
import re
import shutil
import threading
import time
import urllib.parse
from pathlib import Path

from mkdocs.exceptions import PluginError

from ks.build.bundle import write_bundles

log = logging.getLogger("mkdocs.hooks.kritische_situaties.pdf")

# --disable-dev-shm-usage: a small /dev/shm (containers, CI) makes Chromium crash or hang mid-page;
# Debian's launcher means to add it then, but its check fails when findmnt prints two lines.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
SIZE_SPAN = re.compile(r'<span class="ks-size" data-ks-size="([^"]+)"></span>')
MARGIN_CSS = '@page {{ @bottom-left {{ content: "{site} · {address}"; }} }}'
LAST_TIMINGS: dict = {}
PAGES = int(os.environ.get("KS_PDF_PAGES", "2"))  # browser pages printing at once (the machines have 2 cores)
PRINT_OPTIONS_VERSION = "a4-background-tagged-outline-3-all-without-js"  # change when the page.pdf() options change


def chromium_path() -> str:
    """Path of the Chromium to use (KS_CHROMIUM or Debian's /usr/bin/chromium); stops the build if missing."""
    path = os.environ.get("KS_CHROMIUM", "/usr/bin/chromium")
    if not (Path(path).exists() or shutil.which(path)):
        raise PluginError(
            f"Chromium niet gevonden op {path}: de pdf's kunnen niet worden gemaakt.\n"
            "Installeer het met 'sudo apt-get install -y chromium' (Debian/Ubuntu), of bouw zonder "
            "pdf's met KS_PDF=0."
        )
    return path


class _Pages(http.server.SimpleHTTPRequestHandler):
    """The built site as it is, except that a page to print gets its footer style (the server's `styles`:
    URL path -> CSS) at the end of its head; the server notes every path it styled in `styled`."""

    def log_message(self, *args):
        pass

    def send_head(self):
        """SimpleHTTPRequestHandler's answer (GET and HEAD), with the footer style in a page to print."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        css = self.server.styles.get(path)
        if css is None:
            return super().send_head()
        file = Path(self.translate_path(self.path))
        try:
            html = (file / "index.html" if file.is_dir() else file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # served as it is; the worker then stops the build
            return super().send_head()
        if "</head>" not in html:
            return super().send_head()
        body = html.replace("</head>", f"<style>{css}</style></head>", 1).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.server.styled.add(path)
        return io.BytesIO(body)


def _serve(directory: str, styles: dict[str, str]):
    """Serve `directory` on a free local port (a thread); `styles`: URL path -> footer CSS of that page."""
    handler = functools.partial(_Pages, directory=directory)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.styles, httpd.styled = styles, set()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def _jobs(config, cat) -> list[tuple[str, str, str]]:
    """(page url, output file, address in the footer) for every PDF, in print order."""
    jobs = [(e.url, e.pdf, e.url) for e in cat.entries]
    jobs += [(f"bundels/{c.id}.html", c.pdf, c.url) for c in cat.collections]
    jobs.append(("kaarten/", "downloads/vragenkaarten.pdf", "gesprek/vragenkaarten/"))
    jobs.append(("print_page/", "downloads/kritische-situaties.pdf", "print_page/"))
    return jobs


def build_pdfs(config, cat) -> dict:
    """Print every PDF whose source changed (two browser pages at once); patch the download buttons.

    A PDF is taken from the cache (ks.build.pdf_cache) when the HTML it is printed from, every local file
    that page loads, the site's JavaScript, the footer text and the browser are all unchanged.
    """
    from ks.build.pdf_cache import PdfCache, cache_dir

    executable = chromium_path()
    site_dir = Path(config.site_dir)
    (site_dir / "downloads").mkdir(exist_ok=True)
    started = time.perf_counter()
    jobs = _jobs(config, cat)
    write_bundles(site_dir, cat)
    address_base = (config.site_url or "").rstrip("/") + "/"
    margins = {address: MARGIN_CSS.format(site=_css_string(config.site_name),
                                         address=_css_string(address_base + address)) for _, _, address in jobs}
    cache = PdfCache(cache_dir(config), site_dir, salt=[executable, str(_stat(executable)), PRINT_OPTIONS_VERSION])
    todo = []
    for url, out, address in jobs:
        key = cache.key(url, margins[address])
        if not cache.restore(key, site_dir / out):
            todo.append((url, out, margins[address], key))
    todo.sort(key=lambda job: 0 if job[0] == "print_page/" else 1 if not job[0].startswith("situaties/") else 2)
    if todo:
        httpd, base = _serve(str(site_dir), {"/" + url: margin for url, _, margin, _ in todo})
        try:
            asyncio.run(_print_all(executable, base, site_dir, todo, httpd.styled))
        finally:
            httpd.shutdown()
            httpd.server_close()
        for _, out, _, key in todo:
            cache.store(key, site_dir / out)
    cache.prune()
    for c in cat.collections:
        (site_dir / "bundels" / f"{c.id}.html").unlink(missing_ok=True)
    _patch_sizes(site_dir)
    LAST_TIMINGS.clear()
    LAST_TIMINGS.update(seconds=time.perf_counter() - started, count=len(jobs), printed=len(todo),
                        cached=len(jobs) - len(todo), printed_files=[out for _, out, _, _ in todo])
    return dict(LAST_TIMINGS)


def _stat(path: str):
    p = Path(shutil.which(path) or path).resolve()
    st = p.stat()
    return (str(p), st.st_size, int(st.st_mtime))


async def _print_all(executable: str, base: str, site_dir: Path, todo: list, styled: set) -> None:
    """Print the jobs with PAGES browser pages working through one queue (one Chromium).

    No page needs JavaScript to print: the print page has its table of contents in the HTML
    (ks.build.print_links.with_static_toc) and the server adds each footer (_Pages; `styled` holds the
    pages it added one to). Without it the handouts, bundles and card deck print the same pixels, a third
    faster; the whole-site PDF is no longer scaled down by 2 % (the table wrappers Material's script adds
    have negative margins: the page came out 734 px wide for 718) and so runs to 227 pages, not 218.
    The PDF tests read text, contents and footers."""
    from playwright.async_api import async_playwright

    queue: asyncio.Queue = asyncio.Queue()
    for job in todo:
        queue.put_nowait(job)

    async def worker(context):
        page = await context.new_page()
        await page.emulate_media(media="print")
        while not queue.empty():
            url, out, _, _ = queue.get_nowait()
            start = time.perf_counter()
            await page.goto(base + url, wait_until="load")
            if "/" + url not in styled:
                raise PluginError(f"PDF {out}: de voettekst kon niet in {url} worden gezet")
            await page.pdf(path=str(site_dir / out), format="A4", print_background=True, tagged=True,
                           outline=True, prefer_css_page_size=True)
            log.debug("PDF %s in %.1f s", out, time.perf_counter() - start)
        await page.close()

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=executable, args=ARGS)
        try:
            context = await browser.new_context(locale="nl-NL", java_script_enabled=False)
            await asyncio.gather(*(worker(context) for _ in range(min(PAGES, len(todo)))))
        finally:
            await browser.close()


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def human_size(n: int) -> str:
    """A file size in Dutch notation, e.g. '84 kB' or '1,2 MB'."""
    if n < 1_000_000:
        return f"{max(1, round(n / 1000))} kB"
    return f"{n / 1_000_000:.1f} MB".replace(".", ",")


def _patch_sizes(site_dir: Path) -> None:
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'class="ks-size"' not in text:
            continue

        def size(m):
            pdf = site_dir / m.group(1)
            label = f"({human_size(pdf.stat().st_size)})" if pdf.exists() else ""
            return f'<span class="ks-size" data-ks-size="{m.group(1)}">{label}</span>'

        page.write_text(SIZE_SPAN.sub(size, text), encoding="utf-8")
