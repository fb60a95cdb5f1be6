"""Every visitor-facing page passes a Dutch spelling check (hunspell nl_NL + tests/woordenlijst.txt)."""
from __future__ import annotations

from spelling import WORDLIST, page_text, unknown_words

SKIP: set[str] = set()


def test_visitor_text_is_spelled_right(site):
    problems = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel in SKIP:
            continue
        for word in unknown_words(page_text(path.read_text(encoding="utf-8"))):
            problems.setdefault(word, rel)
    assert not problems, "unknown words (fix, or add real terms to tests/woordenlijst.txt):\n" + \
        "\n".join(f"{w}  ({p})" for w, p in sorted(problems.items()))


def test_the_check_can_fail():
    assert unknown_words("Dit is een zin met een fuot erin.") == ["fuot"]


def test_word_list_is_sorted_and_unique():
    words = [w for w in WORDLIST.read_text(encoding="utf-8").splitlines() if w.strip()]
    assert len(words) == len(set(words))
    assert words == sorted(words, key=lambda w: (w.casefold(), w))
