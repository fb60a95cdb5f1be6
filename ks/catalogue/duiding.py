"""The duidingsvragen (situations/duiding.yml) and the one-story file format built on them.

The same definition is read by the browser (the vertelpunt asks the questions, the patronen page
counts the answers); here it gives the JSON Schema of a story file (api/v1/vertelling.schema.json)
and checks the example round (situations/voorbeeldronde.yml).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ks.catalogue.vocabulary import SAFE_LOADER, Vocabulary

FORMAT = "kritische-situaties/vertelling"
ROUND_FORMAT = "kritische-situaties/vertelronde"
VERSION = 1
KEY = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def load_duiding(path: Path, vocab: Vocabulary | None = None) -> dict:
    """Read and check duiding.yml; raises ValueError naming every problem."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path.name}: kan het bestand niet lezen: {exc}") from exc
    problems = []
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: verwacht min_n, sliders en choices")
    if not isinstance(data.get("min_n"), int) or data["min_n"] < 1:
        problems.append(f"{path.name}: min_n: verwacht een geheel getal van 1 of meer")
    sliders, choices = data.get("sliders"), data.get("choices")
    if not isinstance(sliders, dict) or not sliders:
        problems.append(f"{path.name}: sliders: ontbreekt of is leeg")
        sliders = {}
    if not isinstance(choices, dict) or not choices:
        problems.append(f"{path.name}: choices: ontbreekt of is leeg")
        choices = {}
    for key, s in sliders.items():
        if not KEY.match(str(key)) or not isinstance(s, dict) or not all(isinstance(s.get(k), str) and s[k] for k in ("question", "left", "right")):
            problems.append(f"{path.name}: sliders.{key}: question, left en right zijn verplicht (tekst)")
        elif s.get("side") and vocab is not None and not vocab.has("sides", key):
            problems.append(f"{path.name}: sliders.{key}: side: geen kant van goed werk in vocabulary.yml")
    for key, c in choices.items():
        if key in sliders:
            problems.append(f"{path.name}: choices.{key}: heet al zo bij sliders")
        if not KEY.match(str(key)) or not isinstance(c, dict) or not isinstance(c.get("question"), str):
            problems.append(f"{path.name}: choices.{key}: question is verplicht (tekst)")
            continue
        options = c.get("options")
        if not isinstance(options, dict) or len(options) < 2 or not all(KEY.match(str(k)) and isinstance(v, str) for k, v in options.items()):
            problems.append(f"{path.name}: choices.{key}.options: verwacht twee of meer sleutels met een label")
    if problems:
        raise ValueError("\n".join(problems))
    return data


def questions(duiding: dict) -> list[str]:
    """Every question key: the sliders, then the choices, in file order."""
    return list(duiding["sliders"]) + list(duiding["choices"])


def story_schema(duiding: dict, vocab: Vocabulary, entry_schema: dict) -> dict:
    """The JSON Schema (2020-12) of one story file, from the duidingsvragen, the vocabulary and the
    field rules of a situation (situations/schema.json). It has no field for a name or an address."""
    P = entry_schema["properties"]
    keys = lambda kind: [t.key for t in vocab.terms(kind)]  # noqa: E731
    text = lambda name: {k: P[name][k] for k in ("description", "minLength", "maxLength") if k in P[name]} | {"type": "string"}  # noqa: E731
    answers = {}
    for key, s in duiding["sliders"].items():
        answers[key] = {"description": f"{s['question']} 0 = {s['left']}, 100 = {s['right']}; null = overgeslagen.",
                        "type": ["integer", "null"], "minimum": 0, "maximum": 100}
    for key, c in duiding["choices"].items():
        enum = list(c["options"])
        if c.get("multiple"):
            answers[key] = {"description": f"{c['question']} Een of meer antwoorden; null = overgeslagen.",
                            "type": ["array", "null"], "items": {"enum": enum}, "minItems": 1, "uniqueItems": True}
        else:
            answers[key] = {"description": f"{c['question']} null = overgeslagen.", "enum": enum + [None]}
    values = keys("values")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "vertelling.schema.json",
        "title": f"Een verhaal uit het vertelpunt, met de duiding van de verteller (versie {VERSION})",
        "description": ("Eén bestand per verhaal, gemaakt door het vertelpunt van de site Kritische situaties en gelezen "
                        "door de pagina Patronen. Er is geen veld voor een naam, e-mailadres of ander persoonsgegeven; "
                        "het vertelpunt maakt geen bestand als de tekst persoonsgegevens lijkt te bevatten."),
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "id", "written", "title", "summary", "story", "sector", "collection", "role",
                     "tensions", "themes", "key_question", "duiding"],
        "properties": {
            "format": {"const": FORMAT, "description": "Soort bestand."},
            "version": {"const": VERSION, "description": "Versie van dit formaat; een ander formaat krijgt een nieuw versienummer."},
            "id": {"type": "string", "pattern": P["id"]["pattern"], "maxLength": P["id"]["maxLength"],
                   "description": "Naam van het verhaal, gemaakt van de titel."},
            "written": {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$",
                        "description": "Maand waarin het verhaal is geschreven (jjjj-mm); bewust geen dag of tijd."},
            "title": text("title"), "summary": text("summary"),
            "story": {"type": "string", "minLength": 1, "maxLength": 100000, "description": "Het verhaal, als platte tekst."},
            "key_question": text("key_question"),
            "sector": {"enum": keys("sectors")},
            "collection": {"type": "string", "pattern": P["collection"]["pattern"]},
            "role": {"enum": keys("roles")},
            "domain": {"enum": keys("domains") + [None]},
            "step": {"enum": keys("steps") + [None]},
            "tensions": {"type": "array", "minItems": 1, "maxItems": 3,
                         "items": {"type": "array", "items": {"enum": values}, "minItems": 2, "maxItems": 2}},
            "themes": {"type": "array", "items": {"enum": keys("themes")}, "uniqueItems": True,
                       "minItems": P["themes"].get("minItems", 1), "maxItems": P["themes"].get("maxItems", 4)},
            "duiding": {"type": "object", "additionalProperties": False, "required": questions(duiding),
                        "properties": answers, "description": "De antwoorden op de duidingsvragen (situations/duiding.yml)."},
        },
    }


def load_round(path: Path) -> dict:
    """The example round (situations/voorbeeldronde.yml) as published: {format, version, ..., stories}."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    stories = []
    for s in data["stories"]:
        story = {"format": FORMAT, "version": VERSION}
        story.update(s)
        story["story"] = story["story"].strip()
        stories.append(story)
    return {"format": ROUND_FORMAT, "version": VERSION, "title": data["title"], "description": data["description"],
            "stories": stories}


def round_problems(rnd: dict, schema: dict, patterns: list[dict] | None = None) -> list[str]:
    """Every problem of the example round: schema errors, personal data (the given privacy patterns, by
    default the repository's), doubles."""
    from jsonschema import Draft202012Validator

    from ks.catalogue import privacy
    where = "situations/voorbeeldronde.yml"
    problems, seen = [], set()
    validator = Draft202012Validator(schema)
    for i, s in enumerate(rnd["stories"]):
        for err in validator.iter_errors(s):
            problems.append(f"{where}: stories.{i}.{'.'.join(map(str, err.absolute_path))}: {err.message}")
        if s.get("id") in seen:
            problems.append(f"{where}: stories.{i}.id: dubbel ({s.get('id')})")
        seen.add(s.get("id"))
        text = " ".join(str(s.get(k, "")) for k in ("title", "summary", "story", "key_question"))
        for found in privacy.scan(text, patterns):
            problems.append(f"{where}: stories.{i}: {found.label} gevonden: {found.text!r}")
    return problems
