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
--search-size 2000  --skip lighthouse,serve,search"""
from __future__ import annotations

import argparse, json, os, resource, statistics, subprocess, sys, tempfile, time
from pathlib import Path

import yaml

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from project import ROOT, make_project  # noqa: E402
from bench_tools import _EnvLoader, count, fetch, free_port, serve, synthetic, urlsplit_path, vanilla, wait_for  # noqa: E402
import harness  # noqa: E402
from harness import CHROMIUM, CHROMIUM_ARGS as PDF_ARGS  # noqa: E402
LIGHTHOUSE = "lighthouse@12.8.2"  # 13.x needs Node 22; Debian/CI have Node 20
LH_DIR = Path(os.environ.get("KS_LIGHTHOUSE_DIR", Path(tempfile.gettempdir()) / "ks-lighthouse"))
OUT = ROOT / "bench-results"
TARGETS = {"ratio": 1.5, "weight_kb": 120, "lighthouse": (95, 100, 100, 100), "serve_s": 2.0, "patronen_s": 2.0,
           "search_kb": 300, "search_s": 1.0}
SEARCH_QUERIES = ["inspecteur", "zorgvuldige", "wetten"]  # a word on most pages, an adjective, a plural
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

def first_situation() -> str:
    from ks.catalogue.load import load_catalogue
    return next(e.url for e in load_catalogue(ROOT).entries if e.type == "situatie")


def bench_weight(base: str, url: str) -> dict:
    from playwright.sync_api import sync_playwright
    sizes: list[tuple[str, int, int]] = []
    with sync_playwright() as p:
        browser = harness.launch(p)
        context = browser.new_context()
        context.on("requestfinished", lambda r: sizes.append(
            (r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"], len(r.response().body()))))
        page = context.new_page()
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        browser.close()
    by_kind: dict[str, int] = {}
    for u, sent, _ in sizes:
        kind = Path(u.split("?")[0]).suffix.lstrip(".") or "html"
        by_kind[kind] = by_kind.get(kind, 0) + sent
    return {"page": url, "requests": len(sizes), "transferred_kb": round(sum(s for _, s, _ in sizes) / 1024, 1),
            "uncompressed_kb": round(sum(b for _, _, b in sizes) / 1024, 1),
            "by_type_kb": {k: round(v / 1024, 1) for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1])},
            "largest_kb": {u.split("/", 3)[-1]: round(s / 1024, 1) for u, s, _ in sorted(sizes, key=lambda x: -x[1])[:5]}}


def lighthouse_cli() -> Path:
    cli = LH_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        say(f"  installing {LIGHTHOUSE} into {LH_DIR} (npm, no browser download)")
        LH_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(LH_DIR), "--no-audit", "--no-fund", LIGHTHOUSE],
                       check=True, capture_output=True, env=dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1"))
    return cli


def bench_lighthouse(base: str, urls: dict[str, str], tmp: Path) -> dict:
    cli, result = lighthouse_cli(), {}
    for name, url in urls.items():
        report = tmp / f"lh-{name}.json"
        subprocess.run(["node", str(cli), base + url, "--quiet", "--output=json", f"--output-path={report}",
                        "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=mobile",
                        "--chrome-flags=--headless=new " + " ".join(PDF_ARGS)],
                       check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True)
        data = json.loads(report.read_text(encoding="utf-8"))
        cats = data["categories"]
        scores = [round(100 * cats[c]["score"]) for c in ("performance", "accessibility", "best-practices", "seo")]
        failed = sorted(a["id"] for c in cats.values() for ref in c["auditRefs"] if ref["weight"] > 0
                        for a in [data["audits"][ref["id"]]] if a["score"] is not None and a["score"] < 1)
        result[name] = {"url": url, "performance": scores[0], "accessibility": scores[1],
                        "best_practices": scores[2], "seo": scores[3], "not_perfect": failed,
                        "lcp_ms": round(data["audits"]["largest-contentful-paint"]["numericValue"]),
                        "tbt_ms": round(data["audits"]["total-blocking-time"]["numericValue"])}
        say(f"  {name:>9}: performance {scores[0]}  accessibility {scores[1]}  best practices {scores[2]}  "
            f"SEO {scores[3]}  (LCP {result[name]['lcp_ms']} ms){'  below 100: ' + ', '.join(failed) if failed else ''}")
    return result


# --- 5: serve loop ----------------------------------------------------------------------------

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


def bench_patronen(n: int = 1000, rounds: int = 3) -> dict:
    """Open `n` story files at once on the patronen page; time from handing over the files to the
    drawn report (wall, in Python) and the page's own measure (reading + counting + drawing)."""
    from playwright.sync_api import sync_playwright

    from patronen_data import example_round, synthetic as synthetic_stories, write_round
    with tempfile.TemporaryDirectory() as t:
        site = Path(t) / "site"
        mkdocs_build(ROOT, site, env=dict(ENV, KS_PRINT_SITE="false"))
        stories = synthetic_stories(example_round(site)["stories"], n)
        files = write_round(Path(t) / "ronde", stories)
        one = Path(t) / "ronde.json"  # the same stories as one round file
        one.write_text(json.dumps(dict(example_round(site), stories=stories), ensure_ascii=False), encoding="utf-8")
        httpd = harness.serve(site)
        wall, page_ms, read_ms, single = [], [], [], []
        try:
            with sync_playwright() as p:
                browser = harness.launch(p)
                page = browser.new_context(bypass_csp=True).new_page()  # wait_for_function evaluates a string
                for _ in range(rounds):
                    page.goto(harness.base_url(httpd) + "bijdragen/patronen/")
                    page.wait_for_selector("[data-ks-ready]")
                    started = time.perf_counter()
                    page.set_input_files("#pt-files", [str(f) for f in files])
                    page.wait_for_function(f"document.getElementById('pt-count').textContent.startsWith('{n} verhalen')",
                                           polling="raf", timeout=60000)
                    wall.append(time.perf_counter() - started)
                    page_ms.append(int(page.get_attribute("[data-ks-component=patronen]", "data-ks-drawn-ms")))
                    read_ms.append(int(page.get_attribute("[data-ks-component=patronen]", "data-ks-read-ms")))
                    page.goto(harness.base_url(httpd) + "bijdragen/patronen/")
                    page.wait_for_selector("[data-ks-ready]")
                    started = time.perf_counter()
                    page.set_input_files("#pt-files", str(one))
                    page.wait_for_function(f"document.getElementById('pt-count').textContent.startsWith('{n} verhalen')",
                                           polling="raf", timeout=60000)
                    single.append(time.perf_counter() - started)
                browser.close()
        finally:
            httpd.shutdown()
    result = {"stories": n, "files": n, "wall_s": [round(w, 2) for w in wall], "median_wall_s": round(statistics.median(wall), 2),
              "page_ms": page_ms, "median_page_ms": int(statistics.median(page_ms)),
              "median_read_ms": int(statistics.median(read_ms)), "one_file_wall_s": [round(w, 2) for w in single],
              "median_one_file_s": round(statistics.median(single), 2), "target_s": TARGETS["patronen_s"]}
    say(f"  {n} files: wall {', '.join(f'{w:.2f}' for w in wall)} s (median {result['median_wall_s']} s; "
        f"page's own measure median {result['median_page_ms']} ms, of which reading the files {result['median_read_ms']} ms; "
        f"target <= {TARGETS['patronen_s']} s)")
    say(f"  the same {n} stories in one round file: wall median {result['median_one_file_s']} s")
    return result


# --- 6: first search at scale ----------------------------------------------------------------

def lunr_project(project: Path, dst: Path) -> Path:
    """The vanilla project with Material's stock theme and search (lunr, whole index on first search)."""
    plain = vanilla(project, dst)
    config = yaml.load((plain / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config["theme"]["language"] = "nl"
    main = plain / "overrides" / "main.html"  # Material's own config block: its lunr search worker
    text = main.read_text(encoding="utf-8")
    main.write_text(text[:text.index("{% block config %}")] + text[text.index("{% endblock %}", text.index("{% block config %}")) + 14:],
                    encoding="utf-8")
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return plain


_RESULTS_SHOWN = """q => document.querySelector('.md-search__input').value === q &&
    /resulta|Niets gevonden|overeenkom|Geen/.test(document.querySelector('.md-search-result__meta').textContent) &&
    (document.querySelector('.md-search-result__item') !== null ||
     /Niets|Geen/.test(document.querySelector('.md-search-result__meta').textContent))"""


def first_search(base: str, query: str) -> dict:
    """Open the home page cold, then focus the search box and type `query`: bytes transferred (as sent,
    gzip) and seconds from the focus to the first results on screen, and to the network going quiet."""
    from playwright.sync_api import sync_playwright
    sizes: list[tuple[float, str, int]] = []
    with sync_playwright() as p:
        browser = harness.launch(p)
        context = browser.new_context(bypass_csp=True)  # wait_for_function evaluates a string
        context.on("requestfinished", lambda r: sizes.append(
            (time.perf_counter(), r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])))
        page = context.new_page()
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        before = len(sizes)
        start = time.perf_counter()
        page.locator(".md-search__input").focus()
        page.keyboard.type(query)
        page.wait_for_function(_RESULTS_SHOWN, arg=query, timeout=60000, polling=20)
        shown = time.perf_counter() - start
        count = page.inner_text(".md-search-result__meta")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        browser.close()
    after = sizes[before:]
    return {"query": query, "results": count.strip(), "seconds_to_results": round(shown, 2),
            "transferred_kb": round(sum(n for _, _, n in after) / 1024, 1), "requests": len(after),
            "largest_kb": {u.split("/", 3)[-1]: round(n / 1024, 1) for _, u, n in sorted(after, key=lambda x: -x[2])[:3]}}


def bench_search(size: int) -> dict:
    """The first search, cold, on a synthetic catalogue of `size` entries: this site, and Material's
    own lunr search on the same Markdown for comparison."""
    result: dict = {"entries": size, "site": [], "lunr": []}
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        (tmp / "project").mkdir()
        project = make_project(tmp / "project", situations=synthetic(size, tmp / "gen"))
        mkdocs_build(project, tmp / "site", env=dict(ENV, KS_PRINT_SITE="false"))
        plain = lunr_project(project, tmp / "lunr")
        mkdocs_build(plain, tmp / "lunr-site")
        index = tmp / "lunr-site" / "search" / "search_index.json"
        import gzip as _gzip
        result["lunr_index_kb"] = round(len(_gzip.compress(index.read_bytes(), 6)) / 1024, 1)
        pf = tmp / "site" / "pagefind"
        result["pagefind_files"] = sum(1 for f in pf.rglob("*") if f.is_file())
        result["pagefind_mb"] = round(sum(f.stat().st_size for f in pf.rglob("*") if f.is_file()) / 1e6, 1)
        for name, site in (("site", tmp / "site"), ("lunr", tmp / "lunr-site")):
            port = free_port()
            httpd = serve(site, port)
            try:
                for q in SEARCH_QUERIES if name == "site" else SEARCH_QUERIES[:1]:
                    row = first_search(f"http://127.0.0.1:{port}/", q)
                    result[name].append(row)
                    say(f"  {name:>4} {size} entries, first search '{q}': {row['transferred_kb']} KB in "
                        f"{row['requests']} requests, results after {row['seconds_to_results']} s ({row['results']})")
            finally:
                httpd.shutdown()
    say(f"  Material's lunr index at {size} entries: {result['lunr_index_kb']} KB gzip; Pagefind: "
        f"{result['pagefind_files']} files, {result['pagefind_mb']} MB on disk")
    return result


# --- report -----------------------------------------------------------------------------------

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
