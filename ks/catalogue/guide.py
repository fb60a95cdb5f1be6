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
class Pack:
    """One conversation pack: a length and a form (ter plaatse, online) and the running order for it."""
    minutes: int
    form: str
    order: str

    @property
    def key(self) -> str:
        return f"{self.minutes}-{self.form}"


PACK_FORMS = {"ter-plaatse": "ter plaatse", "online": "online"}


@dataclass(frozen=True)
class Guide:
    running_orders: dict[str, RunningOrder]
    question_sets: tuple[QuestionSet, ...]
    packs: tuple[Pack, ...] = ()

    @property
    def default_pack(self) -> Pack | None:
        """The pack of the pre-built handout: the standard running order (90 minutes, in person)."""
        return next((p for p in self.packs if p.order == "standaard"), self.packs[0] if self.packs else None)


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
    packs = _packs(_read(base / "gesprek.yml").get("packs") or [], orders, problems)
    if problems:
        raise ValueError("\n".join(problems))
    return Guide(orders, tuple(sets), packs)


def _packs(raw: list, orders: dict[str, RunningOrder], problems: list[str]) -> tuple[Pack, ...]:
    """The conversation packs: each names an existing running order of exactly its length."""
    packs, seen = [], set()
    for i, p in enumerate(raw):
        where = f"situations/gesprek.yml: packs.{i}"
        try:
            pack = Pack(int(p["minutes"]), str(p["form"]), str(p["order"]))
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"{where}: onvolledig ({exc}) (minutes, form, order)")
            continue
        if pack.form not in PACK_FORMS:
            problems.append(f"{where}.form: onbekende vorm {pack.form!r} (toegestaan: {', '.join(PACK_FORMS)})")
        if pack.order not in orders:
            problems.append(f"{where}.order: onbekend draaiboek {pack.order!r} (bekend: {', '.join(orders)})")
        elif orders[pack.order].total_minutes != pack.minutes:
            problems.append(f"{where}: draaiboek {pack.order!r} duurt {orders[pack.order].total_minutes} minuten, niet {pack.minutes}")
        if pack.key in seen:
            problems.append(f"{where}: dubbel pakket {pack.key}")
        seen.add(pack.key)
        packs.append(pack)
    return tuple(packs)
