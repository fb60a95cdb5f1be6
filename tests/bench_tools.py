"""Helpers for tests/bench.py: the targets, a build runner, vanilla and synthetic projects, a gzip server like
GitHub Pages, polling."""
from __future__ import annotations

import gzip, http.server, os, re, resource, shutil, socket, subprocess, sys, time, urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

import harness
from project import ROOT

TARGETS = {"ratio": 1.5, "weight_kb": 120, "lighthouse": (95, 100, 100, 100), "serve_s": 2.0, "patronen_s": 2.0,
           "search_kb": 300, "search_s": 1.0}
# Python writes bytecode for the site's own modules on the first build, as on any developer's machine
# (this sandbox sets PYTHONDONTWRITEBYTECODE, which would compile ks/ anew in every build: +35 ms).
ENV = dict({k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
           NO_MKDOCS_2_WARNING="1", KS_PDF="0")


def say(text: str) -> None:
    print(text, flush=True)


def mkdocs_build(project: Path, site: Path, env=ENV, tool: str = "mkdocs", cpu: bool = False):
    """Wall time of `mkdocs build` in a fresh process, as a person or CI runs it (with cpu=True:
    (wall, CPU seconds of the process), the CPU time being steadier on a busy shared machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", tool, "build", "-q", "-f", str(project / "mkdocs.yml"),
                        "-d", str(site)], env=env, cwd=project, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if r.returncode:
        raise SystemExit(f"build failed in {project}:\n{r.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return (wall, used) if cpu else wall



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- projects ---------------------------------------------------------------------------------

class _EnvLoader(yaml.SafeLoader):
    pass


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                           if isinstance(node, yaml.SequenceNode) else None)


def vanilla(project: Path, dst: Path) -> Path:
    """The same Markdown (hand-written pages + every situation file) with Material alone."""
    shutil.copytree(project / "docs", dst / "docs")
    shutil.copytree(project / "overrides", dst / "overrides")
    for md in sorted((project / "situations").glob("*/*.md")):
        kind = re.search(r"^type:\s*(\w+)", md.read_text(encoding="utf-8"), re.M).group(1)
        target = dst / "docs" / ("beelden" if kind == "beeld" else "situaties") / md.parent.name / md.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(md, target)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    for key in ("hooks", "nav", "not_in_nav", "watch"):
        config.pop(key, None)
    config["plugins"] = [p for p in config["plugins"] if isinstance(p, dict) and "search" in p]
    (dst / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dst


def _letters(k: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa': a copy number as letters (a first name holds letters only)."""
    out = ""
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(97 + r) + out
    return out


def synthetic(n: int, dst: Path) -> Path:
    """A catalogue of exactly n entries: whole copies of the real one, topped up with situations."""
    real = sorted((ROOT / "situations").glob("*/*.md"))
    parsed = []
    for md in real:
        data, body = harness.front_matter(md)
        parsed.append((md.parent.name, data, body))
    chosen, copy = [], 0
    while len(chosen) < n:
        whole = len(chosen) + len(parsed) <= n
        chosen += [(copy, c, fm, body) for c, fm, body in parsed if whole or fm["type"] == "situatie"]
        copy += 1
    chosen = chosen[:n]
    new_id = lambda k, i: i if k == 0 else f"{i[:52]}-k{k}"  # noqa: E731
    ids = {new_id(k, fm["id"]) for k, _, fm, _ in chosen}
    for coll in {c for _, c, _, _ in chosen}:
        (dst / coll).mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "situations" / coll / "collection.yml", dst / coll / "collection.yml")
    for k, coll, fm, body in chosen:
        fm = dict(fm, id=new_id(k, fm["id"]), title=fm["title"][:80] + (f" ({k})" if k else ""))
        if k and "personen" in fm:  # every first name once on the site: a copy's people get a letter tag
            fm["personen"] = [f"{name}-kopie{_letters(k)}" for name in fm["personen"]]
        for key in ("related", "situations"):
            if key in fm:
                fm[key] = [new_id(k, r) for r in fm[key] if new_id(k, r) in ids]
                if not fm[key]:
                    del fm[key]
        front = yaml.safe_dump(fm, allow_unicode=True, sort_keys=False, width=1000)
        (dst / coll / f"{fm['id']}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return dst


def count(project: Path) -> int:
    return len(list((project / "situations").glob("*/*.md")))


# --- a local server like GitHub Pages: gzip for text -----------------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Bytes(body)
        return super().send_head()


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path, port: int):
    """The built site on `port`, gzipped like GitHub Pages."""
    return harness.serve(site, GzipHandler, port)


def urlsplit_path(config: dict) -> str:
    return urlsplit(config.get("site_url") or "/").path.rstrip("/") + "/"


def fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read()
    except OSError:
        return b""


def wait_for(check, timeout: float) -> None:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if check():
            return
        time.sleep(0.05)
    raise SystemExit("timed out waiting for mkdocs serve")
