"""Benchmarks (a script that prints figures, not a test): `make bench` or `.venv/bin/python tests/bench.py`.

1. build overhead: this site vs a vanilla Material build of the same Markdown (no macros/hooks/print-site)
2. scale: the same with synthetic catalogues of 500 and 2,000 situations made from the real ones
3. weight: bytes transferred (gzip, as GitHub Pages sends them) on the first load of a situation page
4. Lighthouse (npm `lighthouse`, Debian's Chromium, mobile): home and a situation
5. serve loop: from saving a situation to the rebuilt page in `mkdocs serve`
6. patronen: 1,000 story files of a vertelronde opened at once, read, counted and drawn in Chromium
7. search: the first search at 2,000 synthetic entries (bytes and time from focusing the search box to
   the results, site search vs Material's stock lunr search on the same Markdown)

Writes bench-results/latest.json and latest.md. Options: --sizes 500,2000  --runs 3
--search-size 2000  --skip lighthouse,serve,search. The measures in Chromium (3, 4, 6, 7) are in
bench_browser.py, the shared helpers and targets in bench_tools.py."""
from __future__ import annotations

import argparse, json, os, statistics, subprocess, sys, tempfile, time
from pathlib import Path

import yaml

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from project import ROOT, make_project  # noqa: E402
from bench_tools import (ENV, TARGETS, _EnvLoader, count, fetch, free_port, mkdocs_build, say, serve,  # noqa: E402
                         synthetic, urlsplit_path, vanilla, wait_for)
from bench_browser import bench_lighthouse, bench_patronen, bench_search, bench_weight, first_situation  # noqa: E402
OUT = ROOT / "bench-results"
def best_of(runs: int, fn):
    return min(fn() for _ in range(runs))


# --- 1 and 2: build time ---------------------------------------------------------------------

def build_pair(project: Path, tmp: Path, runs: int) -> dict:
    """Best of `runs` for this site and for vanilla Material, run alternately (load hits both alike):
    the site cold (KS_BUILD_CACHE=0, as CI and a fresh clone build) and warm (its build cache filled by
    the build before, as every later build and `make serve` run)."""
    plain = vanilla(project, tmp / "vanilla")
    cache = dict(ENV, KS_BUILD_CACHE=str(tmp / "build-cache"))
    mkdocs_build(project, tmp / "site", env=cache)  # fills the build cache
    colds, warms, bases = [], [], []
    for _ in range(runs):
        colds.append(mkdocs_build(project, tmp / "site", env=dict(ENV, KS_BUILD_CACHE="0"), cpu=True))
        warms.append(mkdocs_build(project, tmp / "site", env=cache, cpu=True))
        bases.append(mkdocs_build(plain, tmp / "vanilla-site", cpu=True))
    best = lambda runs, i: min(r[i] for r in runs)  # noqa: E731
    site, cold, base = best(warms, 0), best(colds, 0), best(bases, 0)
    site_cpu, cold_cpu, base_cpu = best(warms, 1), best(colds, 1), best(bases, 1)
    n = count(project)
    return {"entries": n, "site_s": round(site, 2), "vanilla_s": round(base, 2), "ratio": round(site / base, 2),
            "cold_s": round(cold, 2), "cold_ratio": round(cold / base, 2),
            "site_cpu_s": round(site_cpu, 2), "vanilla_cpu_s": round(base_cpu, 2),
            "cpu_ratio": round(site_cpu / base_cpu, 2), "cold_cpu_ratio": round(cold_cpu / base_cpu, 2),
            "site_ms_per_entry": round(1000 * site / n, 1), "vanilla_ms_per_entry": round(1000 * base / n, 1)}


def bench_builds(sizes: list[int], runs: int) -> list[dict]:
    rows = []
    for size in [0] + sizes:
        with tempfile.TemporaryDirectory() as t:
            tmp = Path(t)
            situations = ROOT / "situations" if size == 0 else synthetic(size, tmp / "gen")
            (tmp / "project").mkdir()
            project = make_project(tmp / "project", situations=situations)
            row = build_pair(project, tmp, runs if size == 0 else max(1, runs - 1))
        row["catalogue"] = "real" if size == 0 else f"synthetic {size}"
        rows.append(row)
        say(f"  {row['catalogue']:>15}: {row['entries']:5} entries  site {row['site_s']:6.2f} s warm "
            f"({row['site_ms_per_entry']:5.1f} ms/entry), {row['cold_s']:6.2f} s cold  vanilla {row['vanilla_s']:6.2f} s "
            f"({row['vanilla_ms_per_entry']:5.1f} ms/entry)  ratio {row['ratio']:.2f}x warm, {row['cold_ratio']:.2f}x cold  "
            f"(CPU {row['site_cpu_s']:.2f} s vs {row['vanilla_cpu_s']:.2f} s: {row['cpu_ratio']:.2f}x warm, "
            f"{row['cold_cpu_ratio']:.2f}x cold)")
    return rows


# --- 3: weight and 4: Lighthouse --------------------------------------------------------------

def bench_serve(url: str, rounds: int = 3, size: int = 0) -> dict:
    """`mkdocs serve` on the real catalogue (size 0) or a synthetic one of `size` entries."""
    from ks.catalogue.load import load_catalogue
    with tempfile.TemporaryDirectory() as t:
        situations = ROOT / "situations" if size == 0 else synthetic(size, Path(t) / "gen")
        project = make_project(Path(t) / "project", situations=situations)
        entry = next(e for e in load_catalogue(project).entries if e.url == url)
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                                 "-a", f"127.0.0.1:{port}"], cwd=project, env=dict(ENV, KS_PRINT_SITE="false"),  # as `make serve`
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            prefix = urlsplit_path(yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader))
            page = f"http://127.0.0.1:{port}{prefix}{url}"
            wait_for(lambda: b"<article" in fetch(page), 600)
            source = project / entry.path
            times = []
            for i in range(rounds):
                marker = f"serveloopmarker{i}x{int(time.time())}"
                text = source.read_text(encoding="utf-8")
                start = time.perf_counter()
                source.write_text(text.rstrip("\n") + f"\n\nEen laatste zin met {marker}.\n", encoding="utf-8")
                wait_for(lambda: marker.encode() in fetch(page), 60)
                times.append(time.perf_counter() - start)
                time.sleep(1.5)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    say(f"  {size or 'real':>5} entries: save -> rebuilt page: {', '.join(f'{s:.2f}' for s in times)} s "
        f"(median {statistics.median(times):.2f} s)")
    return {"page": url, "entries": size or "real", "seconds": [round(s, 2) for s in times],
            "median_s": round(statistics.median(times), 2)}


def markdown(r: dict) -> str:
    t = TARGETS
    lines = [f"Benchmarks of {r['date']} on {r['machine']}.", "",
             "| catalogue | entries | site build, warm / cold | vanilla Material | ratio warm (target ≤ 1.5×) "
             "| ratio cold | CPU ratio warm / cold |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {b['catalogue']} | {b['entries']} | {b['site_s']:.2f} / {b['cold_s']:.2f} s | {b['vanilla_s']:.2f} s | "
              f"{b['ratio']:.2f}× | {b['cold_ratio']:.2f}× | {b['cpu_ratio']:.2f}× / {b['cold_cpu_ratio']:.2f}× |"
              for b in r.get("builds", [])]
    if "weight" in r:
        w = r["weight"]
        lines += ["", f"First load of a situation page: **{w['transferred_kb']} KB** transferred with gzip "
                      f"({w['uncompressed_kb']} KB uncompressed, {w['requests']} requests; target ≤ {t['weight_kb']} KB). "
                      "By type: " + ", ".join(f"{k} {v} KB" for k, v in w["by_type_kb"].items()) + "."]
    if "lighthouse" in r:
        lines += ["", "| Lighthouse, mobile (target 95/100/100/100) | performance | accessibility | best practices | SEO |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        lines += [f"| {name} | {v['performance']} | {v['accessibility']} | {v['best_practices']} | {v['seo']} |"
                  for name, v in r["lighthouse"].items()]
    for s in r.get("serve_sizes", []):
        lines += ["", f"`mkdocs serve` ({s['entries']} entries), save a situation → rebuilt page: median "
                      f"**{s['median_s']} s** ({', '.join(map(str, s['seconds']))} s; target ≤ {t['serve_s']} s at today's size)."]
    if "search" in r:
        sr = r["search"]
        lines += ["", f"| first search at {sr['entries']} entries (cold, from focus) | results | transferred "
                      f"(target ≤ {t['search_kb']} KB) | time to results (target ≤ {t['search_s']} s) |",
                  "| --- | --- | ---: | ---: |"]
        lines += [f"| {'this site' if name == 'site' else 'Material lunr'}: '{row['query']}' | {row['results']} | "
                  f"{row['transferred_kb']} KB ({row['requests']} requests) | {row['seconds_to_results']} s |"
                  for name in ("site", "lunr") for row in sr[name]]
        lines += ["", f"Material's whole lunr index at {sr['entries']} entries: {sr['lunr_index_kb']} KB gzip."]
    if "pdfs" in r:
        p = r["pdfs"]
        c, u, o = p["cold"], p["unchanged"], p["one_story"]
        lines += ["", f"PDF step, cold (empty cache, as CI): **{p['files']} PDFs in {c['pdf_seconds']} s** "
                      f"({p['megabytes']} MB; target ≤ 15 s); whole build {c['build_seconds']} s. Rebuild with nothing "
                      f"changed: {u['printed']} printed, build {u['build_seconds']} s. Rebuild after changing one story: "
                      f"{o['printed']} printed in {o['pdf_seconds']} s, build **{o['build_seconds']} s** "
                      f"(target ≤ {c['build_seconds'] / 2:.1f} s, half the cold build)."]
    if "properdocs" in r:
        pdr = r["properdocs"]
        lines += ["", f"ProperDocs 1.6.7 builds the site in {pdr['properdocs_s']} s (MkDocs {pdr['mkdocs_s']} s, KS_PDF=0); "
                      "tests/test_properdocs.py checks that every page is the same."]
    if "patronen" in r:
        p = r["patronen"]
        lines += ["", f"Patronen: **{p['stories']} story files opened, counted and drawn in {p['median_wall_s']} s** "
                      f"(median of {len(p['wall_s'])}, from handing the files to the page until the report is drawn; the page's own measure "
                      f"{p['median_page_ms']} ms, of which {p['median_read_ms']} ms reading the files; target ≤ {p['target_s']} s). "
                      f"The same stories as one round file: {p['median_one_file_s']} s."]
    return "\n".join(lines) + "\n"


def pdf_build(project: Path, site: Path, cache: Path) -> dict:
    """One `mkdocs build` with PDFs and the given cache folder: wall time and the PDF step from the log."""
    import re as _re
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                         capture_output=True, text=True, env=dict(ENV, KS_PDF="1", KS_PDF_CACHE=str(cache)), cwd=project)
    total = time.perf_counter() - started
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    m = _re.search(r"PDF's: (\d+) bestanden in ([\d.]+) s \((\d+) gedrukt, (\d+) uit de cache\)", out.stderr)
    return {"files": int(m.group(1)), "pdf_seconds": float(m.group(2)), "printed": int(m.group(3)),
            "cached": int(m.group(4)), "build_seconds": round(total, 2)}


def bench_pdfs() -> dict:
    """Cold build with PDFs (empty cache, as CI), a rebuild with nothing changed, and one after changing
    one sentence of one story (a copy of the real catalogue, so nothing in the worktree changes)."""
    from ks.catalogue.load import load_catalogue
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        project = make_project(tmp / "project", situations=ROOT / "situations")
        cache, site = tmp / "cache", tmp / "site"
        cold = pdf_build(project, site, cache)
        pdfs = list((site / "downloads").glob("*.pdf"))
        megabytes = round(sum(p.stat().st_size for p in pdfs) / 1e6, 1)
        same = pdf_build(project, site, cache)
        entry = next(e for e in load_catalogue(project).entries if e.type == "situatie")
        source = project / entry.path
        source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\nEen zin erbij.\n", encoding="utf-8")
        one = pdf_build(project, site, cache)
    return {"files": cold["files"], "megabytes": megabytes, "cold": cold, "unchanged": same, "one_story": one,
            "pdf_seconds": cold["pdf_seconds"], "build_seconds": cold["build_seconds"], "target_s": 15}


def bench_properdocs(runs: int) -> dict:
    """The real site built by ProperDocs and by MkDocs (KS_PDF=0, best of runs, alternately)."""
    import importlib.util
    if not importlib.util.find_spec("properdocs"):
        raise SystemExit("ProperDocs missing: .venv/bin/pip install -r requirements-test.txt")
    with tempfile.TemporaryDirectory() as t:
        project = make_project(Path(t) / "project", situations=ROOT / "situations")
        pd, mk = [], []
        for _ in range(runs):
            pd.append(mkdocs_build(project, Path(t) / "pd", tool="properdocs"))
            mk.append(mkdocs_build(project, Path(t) / "mk"))
    return {"properdocs_s": round(min(pd), 2), "mkdocs_s": round(min(mk), 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--serve-sizes", default="0,500", help="catalogue sizes for the serve loop (0: the real one)")
    ap.add_argument("--search-size", type=int, default=2000)
    ap.add_argument("--skip", default="", help="comma list of: builds, pdfs, properdocs, weight, lighthouse, serve, patronen, search")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    r = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"}
    if "builds" not in skip:
        say("1+2. build time, this site vs vanilla Material (KS_PDF=0, best of runs, wall time of a fresh process)")
        r["builds"] = bench_builds([int(s) for s in args.sizes.split(",") if s], args.runs)
    if "pdfs" not in skip:
        say("PDF step: every handout, bundle, the card deck and the whole site (one Chromium, two pages)")
        r["pdfs"] = p = bench_pdfs()
        c, u, o = p["cold"], p["unchanged"], p["one_story"]
        say(f"  cold: {p['files']} PDFs ({p['megabytes']} MB) in {c['pdf_seconds']} s (target <= 15 s); "
            f"whole build {c['build_seconds']} s")
        say(f"  rebuild, nothing changed: {u['printed']} printed, PDF step {u['pdf_seconds']} s, build {u['build_seconds']} s")
        say(f"  rebuild, one story changed: {o['printed']} printed, PDF step {o['pdf_seconds']} s, "
            f"build {o['build_seconds']} s (target <= {c['build_seconds'] / 2:.1f} s, half the cold build)")
    if "properdocs" not in skip:
        say("ProperDocs 1.6 (the exit from Material's end of life): the same build")
        r["properdocs"] = pdr = bench_properdocs(args.runs)
        say(f"  properdocs build {pdr['properdocs_s']} s, mkdocs build {pdr['mkdocs_s']} s (KS_PDF=0)")
    situation = first_situation()
    if not {"weight", "lighthouse"} <= skip:
        with tempfile.TemporaryDirectory() as t:
            port = free_port()
            base = f"http://127.0.0.1:{port}/"
            (Path(t) / "project").mkdir()
            project = make_project(Path(t) / "project", situations=ROOT / "situations")
            mkdocs_build(project, Path(t) / "site", env=dict(ENV, SITE_URL=base))
            httpd = serve(Path(t) / "site", port)
            try:
                if "weight" not in skip:
                    say("3. weight of the first load of a situation page (gzip)")
                    r["weight"] = bench_weight(base, situation)
                    w = r["weight"]
                    say(f"  {w['transferred_kb']} KB transferred, {w['uncompressed_kb']} KB uncompressed, "
                        f"{w['requests']} requests: " + ", ".join(f"{k} {v} KB" for k, v in w["by_type_kb"].items()))
                    say("  largest: " + ", ".join(f"{u} {v} KB" for u, v in w["largest_kb"].items()))
                if "lighthouse" not in skip:
                    say("4. Lighthouse (mobile)")
                    r["lighthouse"] = bench_lighthouse(base, {"home": "", "situation": situation}, Path(t))
            finally:
                httpd.shutdown()
    if "serve" not in skip:
        say("5. mkdocs serve (as make serve: no PDFs, no print page): save a situation -> rebuilt page")
        r["serve_sizes"] = [bench_serve(situation, size=int(n)) for n in args.serve_sizes.split(",") if n]
        r["serve"] = r["serve_sizes"][0]
    if "patronen" not in skip:
        say("6. patronen: 1,000 story files opened at once (Chromium)")
        r["patronen"] = bench_patronen()
    if "search" not in skip:
        say(f"7. first search at {args.search_size} synthetic entries (cold; this site vs Material's lunr)")
        r["search"] = bench_search(args.search_size)
    OUT.mkdir(exist_ok=True)
    (OUT / "latest.json").write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (OUT / "latest.md").write_text(markdown(r), encoding="utf-8")
    say(f"\nwritten: {OUT / 'latest.json'} and {OUT / 'latest.md'}\n")
    say(markdown(r))


if __name__ == "__main__":
    main()
