"""Write a new situation or beeld from the template (Hugo's archetype idea).

Usage: python -m ks.tools.new_situation [--collectie NAAM] [--titel TITEL] [--beeld] [--root MAP]
Asks for what is missing, writes situations/<collectie>/<id>.md with every schema field and a
Dutch comment taken from situations/schema.json, prints the path and opens no editor.
"""
from __future__ import annotations

from ks import ROOT
import argparse
import json
import re
import sys
import textwrap
import unicodedata
from pathlib import Path

import yaml

from ks.catalogue import archetype
from ks.catalogue.schema import field_rows, read_schema
from ks.catalogue.vocabulary import Vocabulary, load_vocabulary

WIDTH = 98
PLACEHOLDER_SUMMARY = "Schrijf hier in één zin wat er gebeurt en waarom het schuurt."
PLACEHOLDER_KEY_QUESTION = "Wat is de ene vraag waar deze situatie om draait?"
STORY = """Schrijf hier het verhaal. Begin dicht bij het moment waar het om draait: één professional, één
plek, één dag. Laat zien welke waarden botsen en stop op het moment dat de hoofdpersoon moet kiezen.

Gebruik verzonnen namen en plaatsen, en geen gegevens waarmee iemand te herkennen is.
"""


def slugify(title: str, max_length: int = 60) -> str:
    """A file-name id from a title: lower case ASCII, digits and single hyphens (same rule as the vertelpunt)."""
    text = unicodedata.normalize("NFKD", title.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    slug = "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in text).split())
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug or "situatie"


def unique_id(slug: str, taken: set[str], max_length: int = 60) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... when that id is already used somewhere on the site."""
    candidate, n = slug, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate = slug[: max_length - len(suffix)].rstrip("-") + suffix
        n += 1
    return candidate


def existing_ids(base: Path) -> set[str]:
    """Every id in use: the file names of all situations and beelden under situations/."""
    return {f.stem for f in base.glob("*/*.md")}


def collections(base: Path) -> dict[str, dict]:
    """The collections (folder name -> collection.yml data), in folder order."""
    found = {}
    for meta in sorted(base.glob("*/collection.yml")):
        data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
        found[meta.parent.name] = data if isinstance(data, dict) else {}
    return found


def side_question(description: str) -> str:
    """The question in a schema description ('Vragen over ...: wat vraagt ...?' -> 'Wat vraagt ...?')."""
    question = description.split(": ", 1)[-1].strip()
    return question[:1].upper() + question[1:]


def _comment(text: str, indent: str = "") -> list[str]:
    lines = textwrap.wrap(text, WIDTH - len(indent) - 2, break_on_hyphens=False, break_long_words=False)
    return [f"{indent}# {line}" for line in lines]


def _choices(vocab: Vocabulary, kind: str) -> str:
    return "Kies uit: " + ", ".join(t.key for t in vocab.terms(kind)) + "."


def render(schema: dict, vocab: Vocabulary, coll_id: str, coll: dict, title: str, entry_id: str,
           beeld: bool, situation_ids: list[str], root: Path = ROOT) -> str:
    """The text of a new file: archetypes/<type>.md filled with placeholders, every field with its
    description from the schema (and the allowed keys) as a comment above it."""
    props = schema["properties"]
    inspection = bool(vocab.sector_fields(str(coll.get("sector")))) and not beeld
    values = [t.key for t in vocab.terms("values")]
    role = coll.get("role") if vocab.has("roles", str(coll.get("role"))) else vocab.terms("roles")[0].key
    domain, step = vocab.terms("domains")[0].key, vocab.terms("steps")[0].key
    questions = {side: [side_question(prop["description"])] for side, prop in props["questions"]["properties"].items()}
    if beeld:
        story = "Schrijf hier hoe een professional dit moment aanpakte, en waarom.\n"
        for term in vocab.terms("sides")[:3]:
            story += f"\n## {term.label[:1].upper() + term.label[1:]}\n\n{term.definition}\n"
    else:
        story = STORY
    text = archetype.fill(archetype.read("beeld" if beeld else "situatie", root), {
        "header": None, "id": entry_id, "title": archetype.yaml_text(title), "collection": archetype.yaml_key(coll_id),
        "role": archetype.yaml_key(role),
        "domain": domain if inspection else {"comment": domain}, "step": step if inspection else {"comment": step},
        "summary": archetype.yaml_text(PLACEHOLDER_SUMMARY), "tensions": archetype.yaml_tensions([values[:2]]),
        "themes": archetype.yaml_keys([vocab.terms("themes")[0].key]),
        "key_question": archetype.yaml_text(PLACEHOLDER_KEY_QUESTION), "questions": archetype.yaml_questions(questions),
        "situations": archetype.yaml_keys(situation_ids[:1]) if situation_ids else {"comment": "[id-van-een-situatie]"},
        "related": "[]", "personen": "[]", "story": story.rstrip("\n"),
    })
    return _with_comments(text, props, vocab) + "\n"


def _with_comments(text: str, props: dict, vocab: Vocabulary) -> str:
    """Put each field's schema description (and its allowed keys) as a comment above its first line."""
    extra = {"role": "roles", "domain": "domains", "step": "steps", "tensions": "values", "themes": "themes"}
    head, sep, body = text.partition("\n---\n")
    out, seen = [], set()
    for line in head.split("\n"):
        m = re.match(r"^(?:# )?([a-z_]+):", line)
        if m and m.group(1) in props and m.group(1) not in seen:
            seen.add(m.group(1))
            out += _comment(props[m.group(1)].get("description", ""))
            if m.group(1) in extra:
                out += _comment(_choices(vocab, extra[m.group(1)]))
        out.append(line)
    return "\n".join(out) + sep + body


def create(root: Path, collection: str, title: str, beeld: bool = False) -> Path:
    """Write a new situation (or beeld) file in `collection` under `root`; return its path."""
    base = root / "situations"
    schema = read_schema(base)
    colls = collections(base)
    if collection not in colls:
        raise ValueError(f"onbekende collectie {collection!r}; kies uit: {', '.join(colls) or 'geen'}")
    title = " ".join(title.split())
    limits = schema["properties"]["title"]
    if not limits["minLength"] <= len(title) <= limits["maxLength"]:
        raise ValueError(f"de titel moet {limits['minLength']} tot {limits['maxLength']} tekens lang zijn")
    max_length = schema["properties"]["id"]["maxLength"]
    slug = slugify(("beeld " if beeld else "") + title, max_length)
    entry_id = unique_id(slug, existing_ids(base), max_length)
    situation_ids = sorted(f.stem for f in (base / collection).glob("*.md")
                           if re.search(r"^type:\s*situatie\s*$", f.read_text(encoding="utf-8"), re.M))
    text = render(schema, load_vocabulary(base / "vocabulary.yml"), collection, colls[collection],
                  title, entry_id, beeld, situation_ids)
    path = base / collection / f"{entry_id}.md"
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path


def dropdown_option(key: str, label: str) -> str:
    """How a term appears in the GitHub issue form: its label, plus the key when that differs."""
    return label if label.replace(" ", "-").lower() == key else f"{label} ({key})"


def issue_form_options(root: Path = ROOT) -> dict[str, list[str]]:
    """The options each dropdown of .github/ISSUE_TEMPLATE/nieuwe-situatie.yml must have, by field id."""
    base = root / "situations"
    vocab = load_vocabulary(base / "vocabulary.yml")
    colls = sorted(collections(base).items(), key=lambda item: (item[1].get("order", 0), item[0]))
    terms = {field: [dropdown_option(t.key, t.label) for t in vocab.terms(kind)]
             for field, kind in (("role", "roles"), ("tensions", "values"), ("themes", "themes"))}
    return {"collection": [dropdown_option(cid, str(c.get("short_name", cid))) for cid, c in colls], **terms}


def fields_table(root: Path = ROOT) -> str:
    """A Markdown table of the front matter fields, straight from the schema (for CONTRIBUTING.md)."""
    rows = ["| veld | verplicht | betekenis |", "| --- | --- | --- |"]
    for name, required, description in field_rows(read_schema(root / "situations")):
        text = description.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
        text = re.sub(r"'([^'\s]+)'", r"`\1`", text)
        rows.append(f"| `{name}` | {required} | {text} |")
    return "\n".join(rows) + "\n"


def update_contributing(root: Path = ROOT) -> Path:
    """Rewrite the fields table between the velden markers in CONTRIBUTING.md; return its path."""
    path = root / "CONTRIBUTING.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- velden:begin -->\n", "<!-- velden:end -->"
    head, rest = text.split(start, 1)
    path.write_text(head + start + fields_table(root) + end + rest.split(end, 1)[1], encoding="utf-8")
    return path


def _print_form_options(root: Path) -> None:
    for field, options in issue_form_options(root).items():
        print(f"{field}:")
        print("\n".join(f"  - {json.dumps(o)}" for o in options))


def _ask_collection(names: list[str], colls: dict[str, dict], ask) -> str:
    print("Collecties:")
    for i, name in enumerate(names, start=1):
        print(f"  {i}. {name}  ({colls[name].get('short_name', name)})")
    while True:
        answer = ask("Welke collectie? Typ het nummer of de naam: ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(names):
            return names[int(answer) - 1]
        if answer in colls:
            return answer
        print("Die collectie ken ik niet. Kies een nummer uit de lijst.")


def _ask_title(root: Path, ask) -> str:
    schema = read_schema(root / "situations")
    low, high = schema["properties"]["title"]["minLength"], schema["properties"]["title"]["maxLength"]
    while True:
        title = " ".join(ask(f"Titel, kort en concreet ({low} tot {high} tekens): ").split())
        if low <= len(title) <= high:
            return title
        print(f"Die titel is {len(title)} tekens lang. Probeer het nog eens.")


def main(argv: list[str] | None = None, ask=input) -> int:
    """Ask for what the flags leave open, write the file and tell what to do next."""
    parser = argparse.ArgumentParser(prog="python -m ks.tools.new_situation",
                                     description="Maak een nieuwe situatie of een nieuw beeld van goed werk.")
    parser.add_argument("--collectie", help="de map onder situations/, bijvoorbeeld grenswerkers")
    parser.add_argument("--titel", help="de titel, tussen aanhalingstekens")
    parser.add_argument("--beeld", action="store_true", default=None, help="een beeld van goed werk in plaats van een situatie")
    parser.add_argument("--velden", action="store_true", help="werk de tabel met velden in CONTRIBUTING.md bij en stop")
    parser.add_argument("--formulier", action="store_true", help="print de keuzes van het issue-formulier en stop")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.velden or args.formulier:
        if args.velden:
            print(f"Bijgewerkt: {update_contributing(args.root).relative_to(args.root)}")
        else:
            _print_form_options(args.root)
        return 0
    colls = collections(args.root / "situations")
    try:
        collection = args.collectie or _ask_collection(list(colls), colls, ask)
        title = args.titel or _ask_title(args.root, ask)
        beeld = args.beeld
        if beeld is None:
            beeld = False if args.titel and args.collectie else ask("Is het een beeld van goed werk? [j/N]: ").strip().lower() in {"j", "ja"}
        path = create(args.root, collection, title, beeld)
    except (EOFError, KeyboardInterrupt):
        print("\nGestopt; er is niets geschreven.", file=sys.stderr)
        return 1
    except (ValueError, FileExistsError) as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    shown = path.relative_to(args.root)
    print(f"Gemaakt: {shown}")
    print("Open het bestand in je editor, vervang de voorbeeldtekst en kijk met 'make serve' hoe het eruitziet.")
    print("Controleer daarna met 'make check' en 'make privacy'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
