"""Read situations/ into a Catalogue, validating everything and reporting all problems at once."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from ks.catalogue import privacy
from ks.catalogue.checked import CheckedFiles, context_key
from ks.catalogue.checks import check_collections, check_entries, check_tree
from ks.catalogue.model import Catalogue, Collection, Entry
from ks.catalogue.schema import read_schema
from ks.catalogue.vocabulary import SAFE_LOADER, Vocabulary, load_vocabulary

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.DOTALL)
DATA_FILES = {"schema.json", "collection.schema.json", "vocabulary.yml", "privacy.json",
              "gesprek.yml", "vragensets.yml", "duiding.yml", "voorbeeldronde.yml", "README.md"}


class CatalogueError(Exception):
    """Raised with every problem found, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} probleem/problemen in situations/:\n" + "\n".join(problems))


class Problems(list):
    """Problem lines, and the files they are about (`files`, without a `:line` suffix)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.files: set[str] = set()

    def add(self, path: str, field: str, what: str, allowed: str = "", line: int | None = None) -> None:
        self.files.add(path)
        where = path if line is None else f"{path}:{line}"
        self.append(f"{where}: {field}: {what}" + (f" ({allowed})" if allowed else ""))


def _field(error) -> str:
    parts = [str(p) for p in error.absolute_path]
    if error.validator == "required":
        missing = re.match(r"'([^']+)'", error.message)
        parts.append(missing.group(1) if missing else "?")
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        parts.append(",".join(extra) or "?")
    return ".".join(parts) or "front matter"


def _describe(error, schema: dict) -> tuple[str, str]:
    """A Dutch (what is wrong, what is allowed) for a jsonschema error."""
    v, val = error.validator, error.validator_value
    sub = error.schema if isinstance(error.schema, dict) else {}
    desc = sub.get("description", "")
    if v == "required":
        name = _field(error).split(".")[-1]
        prop = error.schema.get("properties", {}).get(name) or schema.get("properties", {}).get(name, {})
        return "verplicht veld ontbreekt", prop.get("description", "")
    if v == "additionalProperties":
        return "onbekend veld", "toegestaan: " + ", ".join(sub.get("properties", {}))
    if v == "type":
        names = {"string": "tekst", "array": "lijst", "object": "lijst van velden", "integer": "geheel getal"}
        return f"verkeerd type: {type(error.instance).__name__}", f"verwacht {names.get(val, val)}"
    if v == "enum":
        return f"onbekende waarde {error.instance!r}", "toegestaan: " + ", ".join(map(str, val))
    if v == "const":
        return f"onbekende waarde {error.instance!r}", f"verwacht {val!r}"
    if v == "pattern":
        return f"ongeldige waarde {error.instance!r}", desc or f"patroon {val}"
    if v in ("minLength", "maxLength"):
        return f"{len(error.instance)} tekens", f"{'minimaal' if v == 'minLength' else 'maximaal'} {val} tekens"
    if v in ("minItems", "maxItems"):
        return f"{len(error.instance)} items", f"{'minimaal' if v == 'minItems' else 'maximaal'} {val}; {desc}".rstrip("; ")
    if v == "uniqueItems":
        return "dubbele items", "elk item maar één keer"
    if v == "minimum":
        return f"waarde {error.instance}", f"minimaal {val}"
    return error.message, desc


class _Validator:
    """A JSON Schema validator made on first use: jsonschema is only imported when a file needs its
    checks (a build whose files are all in the record never does)."""

    def __init__(self, schema: dict):
        self.schema, self._validator = schema, None

    def iter_errors(self, data):
        """jsonschema's iter_errors."""
        if self._validator is None:
            from jsonschema import Draft202012Validator
            self._validator = Draft202012Validator(self.schema)
        return self._validator.iter_errors(data)


def _schema_problems(validator, data: dict, path: str, problems: Problems) -> None:
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        what, allowed = _describe(err, validator.schema)
        problems.add(path, _field(err), what, allowed)


def _yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError):
        return None  # reported by the module that reads this file


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    """The file as UTF-8 text, or None after recording the problem."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.add(rel, "bestand", f"geen geldige UTF-8-tekst (byte {exc.start})", "sla het bestand op als UTF-8")
        return None


def read_front_matter(path: Path, rel: str, problems: Problems, text: str | None = None) -> tuple[dict | None, str]:
    """(front matter, body) of a Markdown file, or (None, '') after recording the problem."""
    text = read_text(path, rel, problems) if text is None else text
    if text is None:
        return None, ""
    if not text.strip():
        problems.add(rel, "bestand", "het bestand is leeg", "front matter tussen --- en daarna het verhaal")
        return None, ""
    m = FRONT_MATTER.match(text)
    if not m:
        problems.add(rel, "front matter", "ontbreekt of is niet afgesloten", "begin met een regel --- en sluit af met ---")
        return None, ""
    try:
        data = yaml.load(m.group(1) or "", Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 2}" if mark else "onbekende regel"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.add(rel, "front matter", f"ongeldige YAML op {where}: {problem}", "zet tekst met ': ' tussen dubbele aanhalingstekens")
        return None, ""
    if not isinstance(data, dict):
        problems.add(rel, "front matter", f"is geen lijst van velden maar {type(data).__name__}", "velden als 'title: ...'")
        return None, ""
    return data, text[m.end():]


def _load_collection(folder: Path, rel: str, validator, problems: Problems, checked: CheckedFiles) -> Collection | None:
    meta = folder / "collection.yml"
    mrel = f"{rel}/collection.yml"
    if not meta.is_file():
        problems.add(mrel, "bestand", "ontbreekt", "elke collectiemap heeft een collection.yml")
        return None
    text = read_text(meta, mrel, problems)
    if text is None:
        return None
    known = checked.front_matter(text)
    if known is not None:
        checked.passed(text, known)
        return Collection(id=folder.name, **known)
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.add(mrel, "bestand", f"onleesbaar: {str(exc).splitlines()[0]}", "geldige YAML in UTF-8")
        return None
    if not isinstance(data, dict):
        problems.add(mrel, "bestand", "is geen lijst van velden", "zie situations/collection.schema.json")
        return None
    if isinstance(data.get("year"), int):
        data["year"] = str(data["year"])
    before = len(problems)
    _schema_problems(validator, data, mrel, problems)
    if len(problems) > before:
        return None
    check_tree(mrel, data, problems)
    if len(problems) == before:
        checked.passed(text, data)
    return Collection(id=folder.name, **data)


def _entry(data: dict, body: str, rel: str) -> Entry:
    qs = data.get("questions") or {}
    return Entry(
        id=data["id"], type=data["type"], title=data["title"], collection=data["collection"],
        role=data["role"], summary=data["summary"],
        tensions=tuple(tuple(p) for p in data["tensions"]), themes=tuple(data["themes"]),
        body=body.strip() + "\n", path=rel, key_question=data.get("key_question", ""),
        questions=tuple((side, tuple(qs[side])) for side in qs),
        related=tuple(data.get("related", ())), situations=tuple(data.get("situations", ())),
        domain=data.get("domain", ""), step=data.get("step", ""), order=data.get("order", 10_000),
        personen=tuple(data.get("personen", ())),
    )


def load_catalogue(root: Path, record: Path | None = None) -> Catalogue:
    """Load and validate situations/ under `root`; raise CatalogueError listing every problem.

    With `record` (a JSON file, see ks.catalogue.checked), files whose exact text passed every check
    of their own before skip those checks; the checks across files always run."""
    base = root / "situations"
    problems = Problems()
    try:
        vocab = load_vocabulary(base / "vocabulary.yml")
    except (ValueError, OSError) as exc:
        raise CatalogueError([f"situations/{line}" for line in str(exc).splitlines()]) from exc
    schema = read_schema(base)
    entry_validator = _Validator(schema)
    coll_validator = _Validator(json.loads((base / "collection.schema.json").read_text(encoding="utf-8")))
    patterns = privacy.load_patterns(base / "privacy.json")
    checked = CheckedFiles(record, context_key(base) if record else "")

    collections, raw, texts, known = [], [], {}, set()
    for item in sorted(base.iterdir()):
        rel = f"situations/{item.name}"
        if item.is_file():
            if item.name not in DATA_FILES:
                problems.add(rel, "bestand", "hoort niet direct in situations/", "zet situaties in een collectiemap: situations/<collectie>/")
            continue
        if item.name.startswith((".", "_")):
            continue
        coll = _load_collection(item, rel, coll_validator, problems, checked)
        if coll:
            collections.append(coll)
        for f in sorted(item.iterdir()):
            frel = f"{rel}/{f.name}"
            if f.name == "collection.yml":
                continue
            if f.is_dir() or f.suffix != ".md":
                problems.add(frel, "bestand", "onbekend soort bestand", "alleen <id>.md en collection.yml")
                continue
            text = read_text(f, frel, problems)
            if text is None:
                continue
            texts[frel] = text
            data = checked.front_matter(text)
            if data is not None:
                known.add(frel)
                raw.append((data, text[FRONT_MATTER.match(text).end():], frel, f))
                continue
            data, body = read_front_matter(f, frel, problems, text)
            if data is None:
                continue
            before = len(problems)
            _schema_problems(entry_validator, data, frel, problems)
            if len(problems) == before:
                raw.append((data, body, frel, f))

    entries = [_entry(d, body, rel) for d, body, rel, _ in raw]
    check_entries(entries, {c.id: c for c in collections}, vocab, problems)
    for rel, text in texts.items():
        if rel in known:
            continue
        for found in privacy.scan(text, patterns):
            problems.add(rel, "persoonsgegevens", f"{found.label} gevonden: {found.text!r}",
                         "haal persoonsgegevens weg of maak ze onherkenbaar", line=found.line)
    for d, _, rel, _ in raw:
        # front matter is always shown escaped: HTML there is text, but links and images are still checked
        if rel not in known:
            check_tree(rel, {k: v for k, v in d.items() if k not in ("id", "related", "situations")}, problems, html=False)
    for d, _, rel, _ in raw:
        if rel not in problems.files:
            checked.passed(texts[rel], d)
    checked.save()
    check_collections(collections, vocab, problems)
    for name in ("vocabulary.yml", "gesprek.yml", "vragensets.yml", "duiding.yml", "voorbeeldronde.yml"):
        if (base / name).is_file():
            check_tree(f"situations/{name}", _yaml(base / name), problems)
    if problems:
        raise CatalogueError(list(problems))
    canonical = [_canonical(e, vocab) for e in entries]
    return Catalogue(vocabulary=vocab, collections=collections, entries=canonical, schema=schema)


def _canonical(e: Entry, vocab: Vocabulary) -> Entry:
    from dataclasses import replace
    return replace(e, tensions=tuple(vocab.tension(a, b) for a, b in e.tensions))
