"""Kritische situaties: the catalogue (content model), the MkDocs build and the maintainer tools.

- ks.catalogue: load, validate and model situations/ (no MkDocs imports)
- ks.build: MkDocs hooks, macros, generated pages, the published JSON and the PDFs
- ks.tools: command-line tools (make check, make nieuw, make privacy, suggest_related)
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
