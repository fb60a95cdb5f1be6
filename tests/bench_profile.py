"""Where the build time goes: `.venv/bin/python tests/bench_profile.py [--functions 25] [-f mkdocs.yml]`.

Runs one `mkdocs build` in this process (KS_PDF=0 unless set) with every plugin event method wrapped in a
CPU timer (process time: steadier than wall time on a busy machine), and prints the seconds per plugin
and event, the time outside any plugin (MkDocs and the theme:
Markdown, templates, copying), and with --functions N the N functions with the most own time (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import collections
import functools
import io
import logging
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from project import ROOT  # noqa: E402


def _timed(method, key, table):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            table[key] += time.process_time() - start
    return wrapper


def profile_build(config_file: Path, site_dir: Path, functions: int = 0) -> dict:
    """Build once; returns {"total": s, "events": {(plugin, event): s}, "outside": s, "functions": text}."""
    os.environ.setdefault("KS_PDF", "0")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    started = time.process_time()
    config = load_config(str(config_file), site_dir=str(site_dir))
    loaded = time.process_time() - started
    table: dict = collections.defaultdict(float)
    plugins = config.plugins
    for event, methods in plugins.events.items():
        for i, method in enumerate(methods):
            origin = plugins._event_origins.get(method, "?")
            wrapped = _timed(method, (origin, event), table)
            plugins._event_origins[wrapped] = origin
            methods[i] = wrapped
    prof = cProfile.Profile() if functions else None
    start = time.process_time()
    if prof:
        prof.enable()
    build(config)
    if prof:
        prof.disable()
    total = time.process_time() - start
    text = ""
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(functions)
        text = out.getvalue()
    return {"load_config": loaded, "total": total, "events": dict(table),
            "outside": total - sum(table.values()), "functions": text}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    ap.add_argument("--functions", type=int, default=0, help="also list the N functions with most own time")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        r = profile_build(Path(args.config_file), Path(t), args.functions)
    print(f"CPU seconds: config loaded (plugins imported) {r['load_config']:.2f} s; build {r['total']:.2f} s")
    for (plugin, event), s in sorted(r["events"].items(), key=lambda kv: -kv[1]):
        if s >= 0.005:
            print(f"  {s:6.3f} s  {plugin:>28}  on_{event}")
    print(f"  {r['outside']:6.3f} s  {'MkDocs + theme (no plugin)':>28}")
    if r["functions"]:
        print(r["functions"])


if __name__ == "__main__":
    main()
