"""Every visitor-facing page passes a Dutch spelling check (hunspell nl_NL + tests/woordenlijst.txt)."""
from __future__ import annotations

from project import ROOT
from spelling import WORDLIST, page_text, script_text, unknown_words

SKIP: set[str] = set()


def test_visitor_text_is_spelled_right(site, catalogue):
    """First names of the characters (front matter `personen`) count as known words."""
    names = {n for e in catalogue.entries for n in e.personen}
    problems = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel in SKIP:
            continue
        for word in unknown_words(page_text(path.read_text(encoding="utf-8")), names):
            problems.setdefault(word, rel)
    assert not problems, "unknown words (fix, or add real terms to tests/woordenlijst.txt):\n" + \
        "\n".join(f"{w}  ({p})" for w, p in sorted(problems.items()))


def test_the_check_can_fail():
    assert unknown_words("Dit is een zin met een fuot erin.") == ["fuot"]


def test_word_list_is_sorted_and_unique():
    words = [w for w in WORDLIST.read_text(encoding="utf-8").splitlines() if w.strip()]
    assert len(words) == len(set(words))
    assert words == sorted(words, key=lambda w: (w.casefold(), w))


def test_text_shown_only_by_javascript_is_spelled_right():
    scripts = sorted((ROOT / "docs" / "assets" / "js").rglob("*.js"))
    text = {s.relative_to(ROOT).as_posix(): script_text(s.read_text(encoding="utf-8")) for s in scripts}
    assert "Kies een waarde" in text["docs/assets/js/lib/vertelpunt-form.js"], "the extractor finds the messages"
    problems = {w: name for name, t in text.items() for w in unknown_words(t)}
    assert not problems, "unknown words in JavaScript messages:\n" + "\n".join(f"{w}  ({p})" for w, p in sorted(problems.items()))


def test_the_script_extractor_skips_code():
    source = """el("p", { class: "ks-vp__hint" }, "Kies een sector.");\nq('[data-ks-x] > p'); t = `Nu ${n} kaarten`;"""
    assert script_text(source).split("\n") == ["Kies een sector.", "Nu  kaarten"]
