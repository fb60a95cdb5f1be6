"""The immutable catalogue model: collections, situations and beelden, and their indexes."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ks.catalogue.vocabulary import Vocabulary

SECTION = {"situatie": "situaties", "beeld": "beelden"}


@dataclass(frozen=True)
class Entry:
    """One situation or beeld van goed werk, as read from its file."""

    id: str
    type: str
    title: str
    collection: str
    role: str
    summary: str
    tensions: tuple[tuple[str, str], ...]
    themes: tuple[str, ...]
    body: str
    path: str
    key_question: str = ""
    questions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    related: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()
    domain: str = ""
    step: str = ""
    order: int = 10_000
    personen: tuple[str, ...] = ()

    @property
    def src_uri(self) -> str:
        """Path of the generated page in the site's file tree."""
        return f"{SECTION[self.type]}/{self.collection}/{self.id}.md"

    @property
    def url(self) -> str:
        """Site-relative URL of the page (directory URLs)."""
        return f"{SECTION[self.type]}/{self.collection}/{self.id}/"

    @property
    def pdf(self) -> str:
        """Site-relative URL of its handout PDF."""
        return f"downloads/{self.id}.pdf"

    @property
    def is_beeld(self) -> bool:
        return self.type == "beeld"

    @property
    def question_count(self) -> int:
        return sum(len(qs) for _, qs in self.questions)

    @property
    def word_count(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class Collection:
    """A folder under situations/ with its collection.yml."""

    id: str
    name: str
    short_name: str
    sector: str
    role: str
    made_with: str
    audience: str
    year: str
    order: int
    intro: str
    origin: str
    usage: str = ""

    @property
    def url(self) -> str:
        return f"situaties/{self.id}/"

    @property
    def src_uri(self) -> str:
        return f"situaties/{self.id}/index.md"

    @property
    def pdf(self) -> str:
        return f"downloads/collectie-{self.id}.pdf"


@dataclass
class Catalogue:
    """All content of one build, with indexes computed once (linear in the number of entries)."""

    vocabulary: Vocabulary
    collections: list[Collection]
    entries: list[Entry]
    schema: dict = field(default_factory=dict)
    by_id: dict[str, Entry] = field(default_factory=dict)
    by_collection: dict[str, list[Entry]] = field(default_factory=dict)
    by_tension: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    by_theme: dict[str, list[Entry]] = field(default_factory=dict)
    by_role: dict[str, list[Entry]] = field(default_factory=dict)
    by_domain: dict[str, list[Entry]] = field(default_factory=dict)
    by_step: dict[str, list[Entry]] = field(default_factory=dict)
    beelden_for: dict[str, list[Entry]] = field(default_factory=dict)
    tension_collection: dict[tuple[str, str], dict[str, list[Entry]]] = field(default_factory=dict)

    def __post_init__(self):
        order = {c.id: c.order for c in self.collections}
        self.collections.sort(key=lambda c: (c.order, c.id))
        self.entries.sort(key=lambda e: (order[e.collection], e.type != "situatie", e.order, e.title))
        index = defaultdict(list)
        for e in self.entries:
            self.by_id[e.id] = e
            self.by_collection.setdefault(e.collection, []).append(e)
            self.by_role.setdefault(e.role, []).append(e)
            for t in e.themes:
                self.by_theme.setdefault(t, []).append(e)
            if e.domain:
                self.by_domain.setdefault(e.domain, []).append(e)
            if e.step:
                self.by_step.setdefault(e.step, []).append(e)
            for pair in e.tensions:
                self.by_tension.setdefault(pair, []).append(e)
                self.tension_collection.setdefault(pair, {}).setdefault(e.collection, []).append(e)
            for sid in e.situations:
                index[sid].append(e)
        self.beelden_for = dict(index)
        for c in self.collections:
            self.by_collection.setdefault(c.id, [])

    @property
    def situations(self) -> list[Entry]:
        return [e for e in self.entries if e.type == "situatie"]

    @property
    def beelden(self) -> list[Entry]:
        return [e for e in self.entries if e.type == "beeld"]

    def collection(self, cid: str) -> Collection:
        """The collection with id `cid`."""
        return next(c for c in self.collections if c.id == cid)

    def related(self, entry: Entry, per_tension: int = 1) -> list[Entry]:
        """Named related entries, then situations from other collections sharing a tension.

        Looks only at the per-collection tension index, so the cost per page does not grow
        with the size of the catalogue.
        """
        seen = {entry.id}
        out = []
        for rid in entry.related + entry.situations:
            if rid not in seen:
                seen.add(rid)
                out.append(self.by_id[rid])
        for pair in entry.tensions:
            for cid, group in self.tension_collection.get(pair, {}).items():
                if cid == entry.collection:
                    continue
                for other in group[:per_tension + 2]:
                    if other.id not in seen and other.type == "situatie":
                        seen.add(other.id)
                        out.append(other)
                        break
        return out
