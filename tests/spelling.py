"""Dutch spelling check of visitor-facing text with hunspell (nl_NL) and the project word list."""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

WORDLIST = Path(__file__).resolve().parent / "woordenlijst.txt"
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
SKIP_TAGS = {"script", "style", "code", "pre", "svg", "kbd", "samp"}


class TextExtractor(HTMLParser):
    """Collects the text of the <article> (and nav labels) of a built page, without code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_skip = 0
        self.in_article = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.depth_skip += 1
        if tag == "article":
            self.in_article += 1
        if self.in_article and not self.depth_skip:
            for key, value in attrs:
                if key in ("aria-label", "title", "alt", "placeholder") and value:
                    self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.depth_skip:
            self.depth_skip -= 1
        if tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_data(self, data):
        if self.in_article and not self.depth_skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    """Visitor-facing text of a built page."""
    parser = TextExtractor()
    parser.feed(html)
    return "\n".join(parser.parts)


STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`")
CODE_LIKE = re.compile(r"[\[\]{}<>=#|\\]|^[.:/]|^\s*$|^use strict$|^[a-z]+(?:, [a-z]+)+$")
CODE_TOKEN = re.compile(r"\S*[_/]\S*|\S*\.[a-z]{2,4}\b|\b[a-z]+(?:-[a-z]+)*-(?=\s|$)")


def script_text(source: str) -> str:
    """The visitor-facing text in a JavaScript file: its string literals that read as prose."""
    parts = []
    for m in STRING.finditer(source):
        text = re.sub(r"\$\{[^}]*\}", "", next(g for g in m.groups() if g is not None))
        text = CODE_TOKEN.sub(" ", text)
        if " " in text.strip() and re.search(r"[a-zà-ÿ]{3}", text) and not CODE_LIKE.search(text):
            parts.append(text)
    return "\n".join(parts)


def unknown_words(text: str, known: set[str] = frozenset()) -> list[str]:
    """Words hunspell (nl_NL + project word list + `known`) does not know; URLs, ids and numbers are ignored."""
    if not shutil.which("hunspell"):
        raise RuntimeError("hunspell ontbreekt: installeer hunspell en hunspell-nl (make system)")
    text = re.sub(r"https?://\S+|\S+@\S+|\S*\d\S*", " ", text)
    text = re.sub(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b", " ", text)  # slugs such as ids
    tokens = WORD.findall(text.replace("’", "'"))
    result = subprocess.run(["hunspell", "-d", "nl_NL", "-p", str(WORDLIST), "-l"],
                            input="\n".join(tokens), capture_output=True, text=True, check=True)
    return sorted(set(result.stdout.split()) - set(known))
