"""Guide data: the running orders of the conversation and the themed question sets."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ks.catalogue.vocabulary import SAFE_LOADER


@dataclass(frozen=True)
class Step:
    title: str
    minutes: int
    who: str
    what: str


@dataclass(frozen=True)
class RunningOrder:
    id: str
    title: str
    total_minutes: int
    steps: tuple[Step, ...]

    @property
    def computed_total(self) -> int:
        return sum(s.minutes for s in self.steps)


@dataclass(frozen=True)
class Question:
    text: str
    side: str


@dataclass(frozen=True)
class QuestionSet:
    id: str
    title: str
    intro: str
    themes: tuple[str, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Guide:
    running_orders: dict[str, RunningOrder]
    question_sets: tuple[QuestionSet, ...]


def _read(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"situations/{path.name}: ongeldige YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"situations/{path.name}: verwacht een lijst van velden")
    return data


def load_guide(root: Path, sides: set[str] | None = None) -> Guide:
    """Read situations/gesprek.yml and situations/vragensets.yml; ValueError names file and field."""
    base = root / "situations"
    problems = []
    orders = {}
    for oid, o in (_read(base / "gesprek.yml").get("running_orders") or {}).items():
        try:
            steps = tuple(Step(str(s["title"]), int(s["minutes"]), str(s.get("who", "")), str(s.get("what", "")))
                          for s in o["steps"])
            order = RunningOrder(oid, str(o["title"]), int(o["total_minutes"]), steps)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"situations/gesprek.yml: running_orders.{oid}: onvolledig ({exc}) (title, total_minutes, steps met title en minutes)")
            continue
        if order.computed_total != order.total_minutes:
            problems.append(f"situations/gesprek.yml: running_orders.{oid}.steps: de minuten tellen op tot {order.computed_total} (verwacht total_minutes {order.total_minutes})")
        orders[oid] = order
    sets = []
    for i, s in enumerate(_read(base / "vragensets.yml").get("sets") or []):
        try:
            qs = tuple(Question(str(q["text"]), str(q["side"])) for q in s["questions"])
            sets.append(QuestionSet(str(s["id"]), str(s["title"]), str(s.get("intro", "")),
                                    tuple(s.get("themes") or ()), qs))
        except (KeyError, TypeError) as exc:
            problems.append(f"situations/vragensets.yml: sets.{i}: onvolledig ({exc}) (id, title, questions met text en side)")
            continue
        for q in qs:
            if sides is not None and q.side not in sides:
                problems.append(f"situations/vragensets.yml: sets.{i}.questions: onbekende kant {q.side!r} (toegestaan: {', '.join(sorted(sides))})")
    if problems:
        raise ValueError("\n".join(problems))
    return Guide(orders, tuple(sets))
