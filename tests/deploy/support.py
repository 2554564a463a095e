"""Puts .deploy/ and this folder on sys.path for the deploy tests (run: python3 -m unittest discover -s tests/deploy)."""

import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
for folder in (REPO / ".deploy", REPO / "tests" / "deploy"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
