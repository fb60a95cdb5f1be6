"""Find personal data (e-mail, phone, BSN, IBAN, postcode + number, social profiles) in text.

The patterns live in situations/privacy.json, shared with the vertelpunt's JavaScript.
Usage as a command: python -m ks.tools.privacy [FILE ...]  (default: every situation file).
"""
from __future__ import annotations

from ks import ROOT
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PATTERNS_FILE = ROOT / "situations" / "privacy.json"


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: 1-based line, Dutch label, the text found and the pattern id."""
    line: int
    label: str
    text: str
    id: str = ""


def elfproef(digits: str) -> bool:
    """True when a 9-digit number (8 digits get a leading zero) passes the BSN eleven test."""
    digits = re.sub(r"\D", "", digits).zfill(9)
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def iban_valid(text: str) -> bool:
    """True when an IBAN (15 to 34 characters) passes the mod-97 check."""
    s = re.sub(r"\s", "", text).upper()
    if not 15 <= len(s) <= 34 or not s.isascii() or not s.isalnum():
        return False
    moved = s[4:] + s[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


CHECKS = {"elfproef": elfproef, "iban": iban_valid}


def load_patterns(path: Path = PATTERNS_FILE) -> list[dict]:
    """The compiled patterns of the shared JSON file (ASCII \\d and \\b, as in JavaScript)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    compiled = []
    for p in data["patterns"]:
        flags = re.ASCII | (re.IGNORECASE if "i" in p.get("flags", "") else 0)
        # a pattern without anchors, lookarounds or \s never matches across a line end, so one search
        # over the whole text tells whether its lines need scanning at all
        whole = not re.search(r"[\^$]|\\[sSAZ]|\(\?[=!<]", p["regex"])
        compiled.append({**p, "compiled": re.compile(p["regex"], flags), "whole_text": whole})
    return compiled


def scan(text: str, patterns: list[dict] | None = None) -> list[Finding]:
    """All personal-data findings in `text`, with 1-based line numbers.

    A match inside a longer match on the same line (the digits of an IBAN that also look like a
    phone number) is reported once, under the longer match.
    """
    patterns = patterns if patterns is not None else load_patterns()
    patterns = [p for p in patterns if not p.get("whole_text") or p["compiled"].search(text)]
    findings = []
    if not patterns:
        return findings
    for lineno, line in enumerate(text.splitlines(), start=1):
        hits = []
        for p in patterns:
            for m in p["compiled"].finditer(line):
                found = m.group(0)
                check = CHECKS.get(p.get("check", ""))
                if check and not check(found):
                    continue
                if p.get("min_digits") and len(re.sub(r"\D", "", found)) < p["min_digits"]:
                    continue
                hits.append((m.start(), m.end(), p))
        for start, end, p in hits:
            inside = any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in hits)
            if not inside:
                findings.append(Finding(lineno, p["label"], line[start:end], p["id"]))
    return findings


def main(argv: list[str]) -> int:
    """Scan the given files (or all situation files); print findings; exit 1 when any."""
    files = [Path(a) for a in argv] or sorted((ROOT / "situations").glob("*/*.md"))
    patterns = load_patterns()
    count = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: kan het bestand niet lezen: {exc}", file=sys.stderr)
            return 2
        shown = path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path
        for f in scan(text, patterns):
            count += 1
            print(f"{shown}:{f.line}: {f.label} gevonden: {f.text!r}")
    print(f"{len(files)} bestanden gecontroleerd, {count} persoonsgegevens gevonden.")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
