"""The page's own data block, for the browser components: the ks_data(name) macro.

The catalogue itself (entries, collections, vocabulary) is published once as api/v1/situaties.json
(ks.build.api); a page block holds only what a component needs besides it, e.g. the vertelpunt's
field rules (situations/schema.json), the personal-data patterns (situations/privacy.json) and
where a story can be sent. docs/assets/js/lib/catalogue.js reads both.
"""
from __future__ import annotations

import json
import re

from markupsafe import Markup

from ks import ROOT
from ks.build import state
from ks.catalogue import archetype

ISSUE_TEMPLATE = "nieuwe-situatie.yml"


def issue_url(repo_url: str) -> str:
    """The 'new issue' address of the repository, or '' when the site has no repo_url."""
    return repo_url.rstrip("/") + "/issues/new" if repo_url else ""


def vertelpunt(conf) -> dict:
    """Field rules, privacy patterns and the two ways to send a story (e-mail, GitHub issue)."""
    base = ROOT / "situations"
    return {
        "schema": state.catalogue().schema,
        "archetype": archetype.read("situatie"),
        "privacy": json.loads((base / "privacy.json").read_text(encoding="utf-8")),
        "issue": {"url": issue_url(conf.get("repo_url") or ""), "template": ISSUE_TEMPLATE},
        "mail": {"address": str(conf["extra"].get("ks_redactie") or "")},
        "duiding": state.duiding(),
    }


def patronen(conf) -> dict:
    """The duidingsvragen and the privacy patterns, for reading a round's story files."""
    base = ROOT / "situations"
    return {
        "duiding": state.duiding(),
        "privacy": json.loads((base / "privacy.json").read_text(encoding="utf-8")),
    }


# What the conversation view shows beside a step, chosen by the step's title in situations/gesprek.yml
# (the file stays a plain running order): the story, the questions by side, or the anonymous tally.
# In the intervisie methods the story takes the place of the casus ("... vertellen").
STEP_VIEWS = (
    ("story", re.compile(r"situatie lezen|dilemma lezen|\bvertellen\b", re.IGNORECASE)),
    ("questions", re.compile(r"goed werk", re.IGNORECASE)),
    ("tally", re.compile(r"jouw keuze|waar sta jij|op de lijn|zou doen|iedereen kiest", re.IGNORECASE)),
)
DEFAULT_ORDER = "standaard"
DILEMMA_ORDERS = ("dilemma",)


def step_view(title: str) -> str:
    """'story', 'questions', 'tally' or '' for a step of a running order."""
    return next((view for view, pattern in STEP_VIEWS if pattern.search(title)), "")


def gesprek(conf) -> dict:
    """The running orders (each step with its view) and the privacy patterns for the scribe's notes."""
    orders = [{"key": o.id, "title": o.title, "total_minutes": o.computed_total,
               "dilemma": o.id in DILEMMA_ORDERS,
               "steps": [{"title": s.title, "minutes": s.minutes, "who": s.who, "what": s.what,
                          "view": step_view(s.title)} for s in o.steps]}
              for o in state.guide().running_orders.values()]
    return {
        "orders": orders,
        "default": DEFAULT_ORDER,
        "privacy": json.loads((ROOT / "situations" / "privacy.json").read_text(encoding="utf-8")),
    }


BLOCKS = {"vertelpunt": vertelpunt, "patronen": patronen, "gesprek": gesprek}


def script_tag(name: str, payload: dict) -> Markup:
    """A <script type="application/json"> element that no text inside can close or comment out."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" data-ks-data="{name}">{text}</script>')


def register(env) -> None:
    """Add the ks_data(name) macro."""

    @env.macro
    def ks_data(name: str):
        """The data block `name` (see BLOCKS) for the components on this page."""
        if name not in BLOCKS:
            raise ValueError(f"ks_data: onbekend gegevensblok {name!r} (bekend: {', '.join(BLOCKS)})")
        return script_tag(name, BLOCKS[name](env.conf))
