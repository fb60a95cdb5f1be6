"""The vertelpunt's data: vocabulary, collections, schema, privacy patterns and the issue form URL.

One macro, vertelpunt_data(), puts it all in the page as JSON; docs/assets/js/vertelpunt.js reads
it, so the browser form uses the same terms, limits and patterns as the build.
"""
from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup

from ks.build import state
from ks.catalogue.vocabulary import KINDS

ISSUE_TEMPLATE = "nieuwe-situatie.yml"


def issue_url(repo_url: str) -> str:
    """The 'new issue' address of the repository, or '' when the site has no repo_url."""
    return repo_url.rstrip("/") + "/issues/new" if repo_url else ""


def data(cat, root: Path, repo_url: str) -> dict:
    """Everything the vertelpunt needs, as plain JSON-ready data."""
    base = root / "situations"
    v = cat.vocabulary
    return {
        "vocabulary": {kind: [{"key": t.key, "label": t.label, "definition": t.definition} for t in v.terms(kind)]
                       for kind in KINDS},
        "collections": [{"id": c.id, "name": c.name, "short_name": c.short_name, "sector": c.sector, "role": c.role}
                        for c in cat.collections],
        "ids": sorted(e.id for e in cat.entries),
        "schema": json.loads((base / "schema.json").read_text(encoding="utf-8")),
        "privacy": json.loads((base / "privacy.json").read_text(encoding="utf-8")),
        "issue": {"url": issue_url(repo_url), "template": ISSUE_TEMPLATE},
    }


def script_tag(payload: dict) -> Markup:
    """A <script type="application/json"> element that no text inside can close or comment out."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" id="ks-vertelpunt-data">{text}</script>')


def register(env) -> None:
    """Add the vertelpunt_data() macro."""

    @env.macro
    def vertelpunt_data():
        """The vertelpunt's data block (see module docstring)."""
        root = Path(env.conf["config_file_path"]).resolve().parent
        return script_tag(data(state.catalogue(), root, env.conf.get("repo_url") or ""))
