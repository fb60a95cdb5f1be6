"""The PDFs made by `mkdocs build`: present, readable, complete, within the page limits."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader


def _text(path) -> str:
    reader = PdfReader(str(path))
    return _norm(" ".join(page.extract_text() or "" for page in reader.pages))


def _norm(text: str) -> str:
    text = re.sub(r"-\s+", "-", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text.replace("\u00ad", "").replace("’", "'")).strip()


def _has(text: str, needle: str) -> bool:
    return _norm(needle) in text


def test_every_expected_pdf_exists_and_opens(site, catalogue):
    expected = [e.pdf for e in catalogue.entries] + [c.pdf for c in catalogue.collections]
    expected += ["downloads/vragenkaarten.pdf", "downloads/kritische-situaties.pdf"]
    for rel in expected:
        reader = PdfReader(str(site / rel))
        assert len(reader.pages) >= 1, rel
        assert reader.metadata.title, f"{rel}: no document title"


def test_situation_pdfs_hold_title_key_question_and_every_question(site, catalogue):
    for e in catalogue.entries:
        path = site / e.pdf
        text = _text(path)
        pages = len(PdfReader(str(path)).pages)
        assert _has(text, e.title), e.id
        if e.type == "situatie":
            assert _has(text, e.key_question), e.id
            for _, questions in e.questions:
                for q in questions:
                    assert _has(text, q), (e.id, q)
            # the 90-minute running order; the notes page is optional (not in the pre-built PDF)
            assert _has(text, "Zo verloopt het gesprek") and not _has(text, "Aantekeningen"), e.id
            assert pages <= 3, f"{e.id}: {pages} pages for {e.word_count} words"


def test_pdfs_are_tagged_with_title_and_dutch_language(site, catalogue):
    for rel in [catalogue.entries[0].pdf, catalogue.collections[0].pdf, "downloads/kritische-situaties.pdf"]:
        reader = PdfReader(str(site / rel))
        root = reader.trailer["/Root"]
        assert bool(root.get("/MarkInfo", {}).get("/Marked")), f"{rel}: not tagged"
        assert "/StructTreeRoot" in root, rel
        assert str(root.get("/Lang", "")).lower().startswith("nl"), f"{rel}: language {root.get('/Lang')}"
        assert "Kritische situaties" in reader.metadata.title


def test_collection_bundles_hold_all_situations_in_order(site, catalogue):
    for c in catalogue.collections:
        text = _text(site / c.pdf)
        assert _has(text, c.name)
        assert "Inhoud" in text
        body = text.split("Inhoud", 1)[1]
        positions = []
        for e in catalogue.by_collection[c.id]:
            needle = _norm(e.summary)
            pos = body.find(needle, positions[-1] if positions else 0)
            assert pos >= 0, (c.id, e.id)
            positions.append(pos)
        assert positions == sorted(positions)
        assert _has(body, "Het gesprek over een kritische situatie"), "method page missing"


def test_card_deck_holds_every_card_eight_per_sheet(site, catalogue):
    from ks.build import state
    from ks.build.cards import all_cards
    path = site / "downloads/vragenkaarten.pdf"
    cards = all_cards(catalogue, state.guide())
    text = _text(path)
    for card in cards:
        assert _has(text, card["text"]), card["text"]
    pages = len(PdfReader(str(path)).pages)
    assert pages == -(-len(cards) // 8), f"{len(cards)} cards on {pages} pages"


def test_whole_site_pdf_holds_every_entry(site, catalogue):
    text = _text(site / "downloads/kritische-situaties.pdf")
    assert "Inhoud" in text
    for e in catalogue.entries:
        assert _has(text, e.title), e.id


def test_whole_site_pdf_opens_with_a_table_of_contents_of_every_entry(site, catalogue):
    """The contents list is in the print page's HTML (no script draws it), so the PDF has it."""
    text = _text(site / "downloads/kritische-situaties.pdf")
    contents = text.split("Inhoud", 1)[1].split("1 Kritische situaties in het publieke werk", 1)[0]
    assert _has(contents, "1 Home") and _has(contents, "2 Situaties"), contents[:300]
    for e in catalogue.entries:
        assert _has(contents, e.title), e.id


def test_every_pdf_footer_names_the_page_it_stands_for(site, catalogue):
    base = "https://kritische-situaties.github.io/kritische-situaties/"
    pdfs = {e.pdf: e.url for e in catalogue.entries}
    pdfs.update({c.pdf: c.url for c in catalogue.collections})
    pdfs.update({"downloads/vragenkaarten.pdf": "gesprek/vragenkaarten/",
                 "downloads/kritische-situaties.pdf": "print_page/"})
    for rel, url in pdfs.items():
        pages = PdfReader(str(site / rel)).pages
        numbers = range(len(pages)) if len(pages) < 20 else (0, len(pages) // 2, len(pages) - 1)
        for number in numbers:
            assert _has(_norm(pages[number].extract_text() or ""), f"Kritische situaties · {base}{url}"), (rel, number)


def test_download_buttons_show_file_size(site, catalogue):
    e = catalogue.situations[0]
    html = (site / e.url / "index.html").read_text(encoding="utf-8")
    assert re.search(r'data-ks-size="downloads/[^"]+\.pdf">\(\d+ kB\)', html)
    c = catalogue.collections[0]
    html = (site / c.url / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'collectie-{c.id}\.pdf">\(\d+(,\d)? [kM]B\)', html)
    print_page = (site / "print_page/index.html").read_text(encoding="utf-8")
    assert "downloads/kritische-situaties.pdf" in print_page


def test_first_page_of_a_handout_as_png(site, catalogue, artifacts):
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm missing: apt-get install poppler-utils")
    e = max(catalogue.situations, key=lambda x: x.word_count)
    out = artifacts / f"handout-{e.id}"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(site / e.pdf), str(out)], check=True)
    png = out.with_suffix(".png")
    assert png.stat().st_size > 20_000


def test_missing_chromium_stops_the_build_with_install_hint(tmp_path, monkeypatch):
    from project import build, make_project
    monkeypatch.setenv("KS_CHROMIUM", "/nonexistent/chromium")
    result = build(make_project(tmp_path), pdf=True)
    assert result.returncode != 0
    assert "Chromium niet gevonden" in result.stderr and "apt-get install -y chromium" in result.stderr
    assert "KS_PDF=0" in result.stderr


def _printed(result) -> tuple[int, int, set[str]]:
    """(printed, cached, names printed again) from the build log."""
    m = re.search(r"PDF's: \d+ bestanden in [\d.]+ s \((\d+) gedrukt, (\d+) uit de cache\)", result.stderr)
    assert m, result.stderr[-3000:]
    again = re.search(r"Opnieuw gedrukt: (.*)", result.stderr)
    return int(m.group(1)), int(m.group(2)), set(again.group(1).split(", ")) if again else set()


def test_rebuild_prints_only_the_pdfs_whose_source_changed(tmp_path):
    """Cold build prints all; an unchanged rebuild prints none; one changed story reprints its handout,
    its collection bundle and the whole-site PDF, and the PDF holds the new sentence."""
    from project import build, make_project
    from ks.catalogue.load import load_catalogue
    project, cache = make_project(tmp_path / "p"), tmp_path / "cache"
    cat = load_catalogue(project)
    run = lambda: build(project, site=tmp_path / "site", pdf=True, pdf_cache=cache, quiet=False)  # noqa: E731
    first = run()
    assert first.returncode == 0, first.stderr[-3000:]
    printed, cached, _ = _printed(first)
    total = len(cat.entries) + len(cat.collections) + 2
    assert (printed, cached) == (total, 0)
    assert len(list(cache.glob("*.pdf"))) == total

    printed, cached, _ = _printed(run())
    assert (printed, cached) == (0, total)
    assert len(PdfReader(str(tmp_path / "site" / cat.entries[0].pdf)).pages) >= 1

    entry = next(e for e in cat.entries if e.type == "situatie")
    source = project / entry.path
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\nEen nieuwe slotzin voor de cache.\n",
                      encoding="utf-8")
    result = run()
    printed, cached, again = _printed(result)
    coll = next(c for c in cat.collections if c.id == entry.collection)
    assert again == {entry.pdf, coll.pdf, "downloads/kritische-situaties.pdf"}, again
    assert (printed, cached) == (3, total - 3)
    assert _has(_text(tmp_path / "site" / entry.pdf), "Een nieuwe slotzin voor de cache.")


def test_cache_is_off_when_ks_pdf_cache_is_0(monkeypatch, tmp_path):
    from types import SimpleNamespace
    from ks.build.pdf_cache import cache_dir
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    monkeypatch.delenv("KS_PDF_CACHE", raising=False)
    assert cache_dir(config) == tmp_path / ".pdf-cache"
    monkeypatch.setenv("KS_PDF_CACHE", "0")
    assert cache_dir(config) is None
