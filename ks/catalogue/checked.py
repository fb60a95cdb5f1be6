"""A record of situation files (and collection.yml files) that passed every check of their own, by content.

Reading and checking a file (YAML, the JSON Schema, the privacy patterns, the safety rules for its front
matter) costs about 1.5 ms; at 2,000 situations that is most of a build's start. A file whose exact text
passed all of it before, under the same schema, vocabulary, patterns and checking code, passes again: its
front matter is taken from the record. Checks across files (unique ids and names, related links,
collections) and the story's own text always run. A file with any problem is never recorded, so a
problem is reported on every build until it is fixed. ks.build.api keeps a second record the same way
for the example round (checked against the story schema).

The record is one JSON file in the build cache (`.build-cache/` beside mkdocs.yml, which git ignores).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

VERSION = 1
CONTEXT_FILES = ("schema.json", "collection.schema.json", "vocabulary.yml", "privacy.json")


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def context_key(base: Path) -> str:
    """What a file's checks depend on besides its own text: the data files and the checking code."""
    versions = [sys.version] + [_version(name) for name in ("pyyaml", "jsonschema")]
    parts = [str(VERSION).encode(), " ".join(versions).encode()]
    parts += [(base / name).read_bytes() if (base / name).is_file() else b"" for name in CONTEXT_FILES]
    parts += [p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py"))]
    return _digest(*parts)


def _version(package: str) -> str:
    try:
        return f"{package} {metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return f"{package} -"


class CheckedFiles:
    """The record for one build: look files up, note the ones that passed, save."""

    def __init__(self, path: Path | None, context: str):
        self.path, self.context = path, context
        self._known: dict[str, dict] = {}
        self._new: dict[str, dict] = {}
        if path is not None and path.is_file():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if stored.get("context") == context:
                    self._known = stored["files"]
            except (OSError, ValueError, KeyError, TypeError):
                pass  # an unreadable record is an empty one

    @staticmethod
    def key(text: str) -> str:
        """The key of a file's text."""
        return _digest(text.encode("utf-8"))

    def known(self, text: str) -> bool:
        """Did this exact text pass before?"""
        return self.key(text) in self._known

    def front_matter(self, text: str) -> dict | None:
        """The checked front matter of this exact text, or None."""
        return self._known.get(self.key(text))

    def passed(self, text: str, data: dict) -> None:
        """Record that `text` (with front matter `data`) passed every check of its own."""
        key = self.key(text)
        if key in self._known:  # taken from the record: kept as it is
            self._new[key] = self._known[key]
            return
        try:
            same = json.loads(json.dumps(data)) == data
        except (TypeError, ValueError):
            same = False
        if same:  # values JSON cannot hold as they are (a YAML date, a number as key) are checked every time
            self._new[key] = data

    def save(self) -> None:
        """Write the files of this build that passed (and only those) when anything changed."""
        if self.path is None or self._new.keys() == self._known.keys():
            return
        try:  # a record that cannot be written only makes the next build check everything again
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".catalogue-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"context": self.context, "files": self._new}, f, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError:
            pass
