"""Measures for tests/bench.py taken in Chromium or from a served site: page weight, Lighthouse, the
patronen page with 1,000 story files, and the first search at 2,000 entries against Material's lunr."""
from __future__ import annotations

import json, os, statistics, subprocess, tempfile, time
from pathlib import Path

import yaml

import harness
from bench_tools import ENV, TARGETS, _EnvLoader, free_port, mkdocs_build, say, serve, synthetic, vanilla
from harness import CHROMIUM, CHROMIUM_ARGS as PDF_ARGS
from project import ROOT, make_project

LIGHTHOUSE = "lighthouse@12.8.2"  # 13.x needs Node 22; Debian/CI have Node 20
LH_DIR = Path(os.environ.get("KS_LIGHTHOUSE_DIR", Path(tempfile.gettempdir()) / "ks-lighthouse"))
SEARCH_QUERIES = ["inspecteur", "zorgvuldige", "wetten"]  # a word on most pages, an adjective, a plural


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
