"""Benchmarks (a script that prints figures, not a test): `make bench` or `.venv/bin/python tests/bench.py`.

1. build overhead: this site vs a vanilla Material build of the same Markdown (no macros/hooks/print-site)
2. scale: the same with synthetic catalogues of 500 and 2,000 situations made from the real ones
3. weight: bytes transferred (gzip, as GitHub Pages sends them) on the first load of a situation page
4. Lighthouse (npm `lighthouse`, Debian's Chromium, mobile): home and a situation
5. serve loop: from saving a situation to the rebuilt page in `mkdocs serve`
6. search: the first search at 2,000 synthetic entries (bytes and time from focusing the search box to
   the results, site search vs Material's stock lunr search on the same Markdown)

Writes bench-results/latest.json and latest.md. Options: --sizes 500,2000  --runs 3
--search-size 2000  --skip lighthouse,serve,search"""
from __future__ import annotations

import argparse, json, os, statistics, subprocess, sys, tempfile, time
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
TARGETS = {"ratio": 1.5, "weight_kb": 120, "lighthouse": (95, 100, 100, 100), "serve_s": 2.0,
           "search_kb": 300, "search_s": 1.0}
SEARCH_QUERIES = ["inspecteur", "zorgvuldige", "wetten"]  # a word on most pages, an adjective, a plural
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", KS_PDF="0")


def say(text: str) -> None:
    print(text, flush=True)


def mkdocs_build(project: Path, site: Path, env=ENV) -> float:
    """Wall time of `mkdocs build` in a fresh process, as a person or CI runs it."""
    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                        "-d", str(site)], env=env, cwd=project, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"build failed in {project}:\n{r.stderr[-3000:]}")
    return time.perf_counter() - start


def best_of(runs: int, fn) -> float:
    return min(fn() for _ in range(runs))


# --- 1 and 2: build time ---------------------------------------------------------------------

def build_pair(project: Path, tmp: Path, runs: int) -> dict:
    plain = vanilla(project, tmp / "vanilla")
    site = best_of(runs, lambda: mkdocs_build(project, tmp / "site"))
    base = best_of(runs, lambda: mkdocs_build(plain, tmp / "vanilla-site"))
    n = count(project)
    return {"entries": n, "site_s": round(site, 2), "vanilla_s": round(base, 2), "ratio": round(site / base, 2),
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
        say(f"  {row['catalogue']:>15}: {row['entries']:5} entries  site {row['site_s']:6.2f} s "
            f"({row['site_ms_per_entry']:5.1f} ms/entry)  vanilla {row['vanilla_s']:6.2f} s "
            f"({row['vanilla_ms_per_entry']:5.1f} ms/entry)  ratio {row['ratio']:.2f}x")
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

def bench_serve(url: str, rounds: int = 3) -> dict:
    from ks.catalogue.load import load_catalogue
    entry = next(e for e in load_catalogue(ROOT).entries if e.url == url)
    with tempfile.TemporaryDirectory() as t:
        project = make_project(Path(t), situations=ROOT / "situations")
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                                 "-a", f"127.0.0.1:{port}"], cwd=project, env=dict(ENV, KS_PRINT_SITE="false"),  # as `make serve`
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            prefix = urlsplit_path(yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader))
            page = f"http://127.0.0.1:{port}{prefix}{url}"
            wait_for(lambda: b"<article" in fetch(page), 120)
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
    say(f"  save -> rebuilt page: {', '.join(f'{s:.2f}' for s in times)} s (median {statistics.median(times):.2f} s)")
    return {"page": url, "seconds": [round(s, 2) for s in times], "median_s": round(statistics.median(times), 2)}


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
             "| catalogue | entries | site build | vanilla Material | ratio (target ≤ 1.5×) | site per entry |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {b['catalogue']} | {b['entries']} | {b['site_s']:.2f} s | {b['vanilla_s']:.2f} s | "
              f"{b['ratio']:.2f}× | {b['site_ms_per_entry']:.1f} ms |" for b in r.get("builds", [])]
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
    if "serve" in r:
        s = r["serve"]
        lines += ["", f"`mkdocs serve`, save a situation → rebuilt page: median **{s['median_s']} s** "
                      f"({', '.join(map(str, s['seconds']))} s; target ≤ {t['serve_s']} s)."]
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
        lines += ["", f"PDF step: **{p['files']} PDFs in {p['pdf_seconds']} s** ({p['megabytes']} MB; target ≤ 30 s); "
                      f"the whole build with PDFs took {p['build_seconds']} s."]
    return "\n".join(lines) + "\n"


def bench_pdfs() -> dict:
    """Build the real site with PDFs on; the hook reports the PDF step, we time the whole build."""
    import re as _re
    with tempfile.TemporaryDirectory() as t:
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", t],
                             capture_output=True, text=True, env=dict(ENV, KS_PDF="1"), cwd=ROOT)
        total = time.perf_counter() - started
        if out.returncode != 0:
            raise SystemExit(out.stderr[-2000:])
        m = _re.search(r"PDF's: (\d+) bestanden in ([\d.]+) s", out.stderr)
        pdfs = list(Path(t, "downloads").glob("*.pdf"))
        return {"files": int(m.group(1)), "pdf_seconds": float(m.group(2)), "build_seconds": round(total, 2),
                "megabytes": round(sum(p.stat().st_size for p in pdfs) / 1e6, 1), "target_s": 30}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--search-size", type=int, default=2000)
    ap.add_argument("--skip", default="", help="comma list of: builds, pdfs, weight, lighthouse, serve, search")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    r = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"}
    if "builds" not in skip:
        say("1+2. build time, this site vs vanilla Material (KS_PDF=0, best of runs, wall time of a fresh process)")
        r["builds"] = bench_builds([int(s) for s in args.sizes.split(",") if s], args.runs)
    if "pdfs" not in skip:
        say("PDF step: every handout, bundle, the card deck and the whole site, one Chromium")
        r["pdfs"] = p = bench_pdfs()
        say(f"  {p['files']} PDFs ({p['megabytes']} MB) in {p['pdf_seconds']} s (target <= 30 s); "
            f"whole build with PDFs {p['build_seconds']} s")
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
        r["serve"] = bench_serve(situation)
    if "search" not in skip:
        say(f"6. first search at {args.search_size} synthetic entries (cold; this site vs Material's lunr)")
        r["search"] = bench_search(args.search_size)
    OUT.mkdir(exist_ok=True)
    (OUT / "latest.json").write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (OUT / "latest.md").write_text(markdown(r), encoding="utf-8")
    say(f"\nwritten: {OUT / 'latest.json'} and {OUT / 'latest.md'}\n")
    say(markdown(r))


if __name__ == "__main__":
    main()
