"""The controlled vocabulary (situations/vocabulary.yml): values, themes, roles, sectors, ..."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster

KINDS = ("values", "themes", "roles", "sectors", "domains", "steps", "sides")


@dataclass(frozen=True)
class Term:
    key: str
    label: str
    definition: str
    position: int
    fields: tuple[str, ...] = ()  # sectors only: extra front-matter fields a situation needs


class Vocabulary:
    """Terms per kind, in file order; looks up labels and orders tension pairs."""

    def __init__(self, data: dict):
        self.kinds: dict[str, dict[str, Term]] = {}
        for kind in KINDS:
            entries = data.get(kind) or {}
            self.kinds[kind] = {
                key: Term(key, str(entry["label"]), str(entry["definition"]), i, tuple(entry.get("fields") or ()))
                for i, (key, entry) in enumerate(entries.items())
            }

    def has(self, kind: str, key: str) -> bool:
        """True when `key` is a term of `kind`."""
        return key in self.kinds[kind]

    def term(self, kind: str, key: str) -> Term:
        """The term `key` of `kind`."""
        return self.kinds[kind][key]

    def label(self, kind: str, key: str) -> str:
        """The Dutch label of a term."""
        return self.kinds[kind][key].label

    def terms(self, kind: str) -> list[Term]:
        """All terms of a kind, in vocabulary order."""
        return list(self.kinds[kind].values())

    def sector_fields(self, sector: str) -> tuple[str, ...]:
        """The extra fields (e.g. domain, step) a situation in `sector` must have; () if none or unknown."""
        term = self.kinds["sectors"].get(sector)
        return term.fields if term else ()

    def tension(self, a: str, b: str) -> tuple[str, str]:
        """A tension pair in canonical order (vocabulary order of the values)."""
        values = self.kinds["values"]
        return (a, b) if values[a].position <= values[b].position else (b, a)


def tension_key(pair: tuple[str, str]) -> str:
    """The anchor id of a tension pair, e.g. 'snelheid--zorgvuldigheid'."""
    return f"{pair[0]}--{pair[1]}"


def load_vocabulary(path: Path) -> Vocabulary:
    """Read and sanity-check the vocabulary file; raises ValueError naming the entry."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path.name}: kan het bestand niet lezen: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: verwacht een lijst van soorten ({', '.join(KINDS)})")
    problems = []
    for kind in KINDS:
        entries = data.get(kind)
        if not isinstance(entries, dict) or not entries:
            problems.append(f"{path.name}: {kind}: ontbreekt of is leeg (verwacht: sleutel -> label en definition)")
            continue
        for key, entry in entries.items():
            if not isinstance(entry, dict) or not entry.get("label") or not entry.get("definition"):
                problems.append(f"{path.name}: {kind}.{key}: label en definition zijn verplicht")
            elif entry.get("fields") is not None and (kind != "sectors" or not isinstance(entry["fields"], list)
                                                       or not set(entry["fields"]) <= {"domain", "step"}):
                problems.append(f"{path.name}: {kind}.{key}.fields: alleen bij een sector, een lijst uit domain en step")
    if problems:
        raise ValueError("\n".join(problems))
    return Vocabulary(data)
