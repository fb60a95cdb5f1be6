"""The one test harness: a local server for a built site, the Chromium launcher, the front-matter reader.

conftest.py turns these into fixtures; the benchmark (tests/bench.py) uses the same functions.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

from ks.build.pdf import ARGS as CHROMIUM_ARGS  # one list of browser flags for the build and the tests
from ks.catalogue.load import Problems, read_front_matter

CHROMIUM = os.environ.get("KS_CHROMIUM", "/usr/bin/chromium")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, *args):
        pass


def serve(site: Path, handler=QuietHandler, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve `site` on 127.0.0.1 in a background thread; the caller shuts it down."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def base_url(httpd) -> str:
    """The root URL of a server started by serve()."""
    return f"http://127.0.0.1:{httpd.server_address[1]}/"


def launch(playwright):
    """Debian's Chromium, headless, with the project's flags (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def front_matter(path: Path) -> tuple[dict, str]:
    """(front matter, body) of a situation file, read the way the loader reads it."""
    problems = Problems()
    data, body = read_front_matter(path, str(path), problems)
    if data is None:
        raise ValueError("\n".join(problems))
    return data, body
