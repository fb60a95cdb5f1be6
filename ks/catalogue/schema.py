"""The front-matter schema (situations/schema.json): read once, and the one answer to "which fields
are required, and when" for the site's field table, CONTRIBUTING.md and the vertelpunt."""
from __future__ import annotations

import json
from pathlib import Path


def read_schema(base: Path) -> dict:
    """situations/schema.json under `base` (the situations folder)."""
    return json.loads((base / "schema.json").read_text(encoding="utf-8"))


def required_fields(schema: dict) -> dict[str, str]:
    """Field -> 'ja' or 'bij een situatie' / 'bij een beeld' (from the schema's if/then rules)."""
    required = {name: "ja" for name in schema["required"]}
    for rule in schema.get("allOf", []):
        kind = rule["if"]["properties"]["type"]["const"]
        required.update({name: f"bij een {kind}" for name in rule["then"].get("required", [])})
    return required


def field_rows(schema: dict) -> list[tuple[str, str, str]]:
    """(field, required, description) for every field, in schema order."""
    required = required_fields(schema)
    return [(name, required.get(name, "nee"), prop.get("description", "")) for name, prop in schema["properties"].items()]
