"""MkDocs hooks: load the catalogue once, add its pages to the site and the nav, make the PDFs."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.kritische_situaties")
_search = None  # this build's search.SiteIndex
_dirty = False  # `mkdocs serve --dirty` / `build --dirty`: only changed pages are built
ROOT = Path(__file__).resolve().parents[2]  # the project: MkDocs loads this file by path
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ks.build import api, build_cache, csp, nav_memo, passthrough, print_links, printsite, search, state  # noqa: E402
from ks.catalogue.duiding import load_duiding  # noqa: E402
from ks.catalogue.guide import load_guide  # noqa: E402
from ks.catalogue.load import CatalogueError, load_catalogue  # noqa: E402
from ks.build.pages import collection_markdown, entry_markdown, nav_section  # noqa: E402


def pdfs_enabled(config) -> bool:
    """PDFs are on unless KS_PDF is 0/false/no/off."""
    return str(config.extra.get("ks_pdfs", True)).lower() not in {"0", "false", "no", "off"}


def on_config(config):
    """Load and validate the catalogue (stop the build on any problem) and put it in the nav."""
    root = Path(config.config_file_path).resolve().parent
    try:
        cat = load_catalogue(root, build_cache.catalogue_record(root))
        guide = load_guide(root, {t.key for t in cat.vocabulary.terms("sides")})
        duiding = load_duiding(root / "situations" / "duiding.yml", cat.vocabulary)
    except CatalogueError as exc:
        raise PluginError(str(exc)) from None
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    state.set_current(cat, guide)
    state.set_duiding(duiding)
    printsite.install()
    passthrough.clear()
    config.markdown_extensions.append(passthrough.extension())  # ready-made HTML skips Markdown's parser
    config.extra["ks_pdfs"] = pdfs_enabled(config)  # one boolean for the hook and the templates
    for item in config.nav or []:
        if isinstance(item, dict) and "Situaties" in item:
            item["Situaties"] = item["Situaties"][:1] + [nav_section(c, cat) for c in cat.collections]
    return config


def _section(item):
    """The top-level nav item (a section, or a page of its own like Home) that `item` belongs to."""
    while item.parent is not None:
        item = item.parent
    return item


def on_nav(nav, config, files):
    """Previous and next in the footer stay within a section of the top navigation."""
    for page in nav.pages:
        for side in ("previous_page", "next_page"):
            other = getattr(page, side)
            if other is not None and _section(other) is not _section(page):
                setattr(page, side, None)
    return nav


def on_files(files, config):
    """Add one generated page per collection, situation and beeld; nothing is copied into docs/."""
    cat, guide = state.catalogue(), state.guide()
    for coll in cat.collections:
        files.append(File.generated(config, coll.src_uri, content=collection_markdown(coll, cat)))
    for entry in cat.entries:
        files.append(File.generated(config, entry.src_uri, content=entry_markdown(entry, cat, guide)))
    try:
        published = api.files(cat, config.site_url or "", config.extra["ks_pdfs"], state.duiding(),
                              Path(config.config_file_path).resolve().parent / "situations")
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    for path, text in published.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_env(env, config, files):
    """Compiled theme templates come from the build cache; navigation links are rendered once
    (ks.build.nav_memo); print-site renders the print page with this environment instead of compiling
    the theme again."""
    env.bytecode_cache = build_cache.bytecode_cache(Path(config.config_file_path).resolve().parent, env)
    nav_memo.install(env)
    printsite.reuse_theme_env(config, env)
    return env


def on_page_markdown(markdown, page, config, files):
    """Pagefind answers searches (ks.build.search), so Material's search plugin indexes no page: its
    search_index.json keeps only the config that Material's search box starts from."""
    page.meta["search"] = dict(page.meta.get("search") or {}, exclude=True)
    return markdown


SERVE_POLL_S = 0.2  # MkDocs looks for changed files every 0.5 s


def on_serve(server, config, builder):
    """`mkdocs serve` notices a saved file sooner: the folders are polled every SERVE_POLL_S seconds.
    What MkDocs and the plugins watched before this event moves to the new poller as often as it was
    watched; config.watch (situations/, ks/, overrides/) is added by MkDocs after it. With
    --watch-theme (the installed theme's 14,000 files) MkDocs's own poller stays."""
    from watchdog.observers.polling import PollingObserver

    watched = dict(getattr(server, "_watched_paths", None) or {})  # MkDocs 1.6: path -> times watched
    project = Path(config.config_file_path or ".").resolve().parent
    installed = [d for d in config.theme.dirs if not Path(d).resolve().is_relative_to(project)]
    if not hasattr(server, "_watched_paths") or any(str(Path(d).resolve()) in watched for d in installed):
        return server
    for path, times in watched.items():
        for _ in range(times):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=SERVE_POLL_S)
    for path, times in watched.items():
        for _ in range(times):
            server.watch(path)
    return server


def on_startup(command, dirty):
    """Remember whether builds are dirty (only changed pages): the search index is made differently."""
    global _dirty
    _dirty = dirty


def on_pre_build(config):
    """A new search index for this build (Pagefind starts with the first page)."""
    global _search
    if _search is not None:
        _search.close()
    _search = search.SiteIndex(dirty=_dirty)


def on_post_page(output, page, config):
    """Every page gets its Content-Security-Policy (ks.build.csp) and goes to the search index."""
    output = csp.with_csp(output)
    try:
        _search.add(page.url, output)
    except RuntimeError as exc:
        _search.close()
        raise PluginError(str(exc)) from None
    return output


def on_post_template(output_content, template_name, config):
    """The 404 page too."""
    return csp.with_csp(output_content) if template_name.endswith(".html") else output_content


@event_priority(100)
def _write_search_index(config):
    """Before the other plugins' post-build work: Pagefind writes its bundle meanwhile."""
    _search.start_writing(config.site_dir)


def _finish_build(config):
    """CSP, live links and its table of contents in the HTML on the print page (written by print-site
    just before), the search index (Pagefind), then the PDFs (skipped when KS_PDF=0)."""
    print_page = Path(config.site_dir) / "print_page" / "index.html"
    if print_page.is_file():
        html = print_links.fix_dead_anchors(print_page.read_text(encoding="utf-8"), Path(config.site_dir))
        try:
            html = print_links.with_static_toc(html)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        print_page.write_text(csp.with_csp(html), encoding="utf-8")
    try:
        indexed = _search.finish(config.site_dir)
        search.write_words(config.site_dir, state.catalogue())
    except RuntimeError as exc:
        raise PluginError(str(exc)) from None
    log.info("Zoekindex: %d pagina's in %.1f s", indexed["pages"], indexed["seconds"])
    if not config.extra["ks_pdfs"]:
        return
    from ks.build import pdf

    timings = pdf.build_pdfs(config, state.catalogue())
    log.info("PDF's: %d bestanden in %.1f s (%d gedrukt, %d uit de cache)", timings["count"], timings["seconds"],
             timings["printed"], timings["cached"])
    if timings["cached"] and timings["printed"]:
        log.info("Opnieuw gedrukt: %s", ", ".join(timings["printed_files"]))


on_post_build = CombinedEvent(_write_search_index, _finish_build)


def on_build_error(error):
    """Stop Pagefind when the build fails."""
    if _search is not None:
        _search.close()
