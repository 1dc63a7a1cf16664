"""Human review decisions (``data/overrides.csv``) laid on top of automatic codes.

PLACEHOLDER until the review issue lands: no overrides are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from foi_audit.model import CodedValue


def load_overrides(path: Path) -> list[object]:
    return []


def apply_overrides(coded: Sequence[CodedValue], overrides: Sequence[object]) -> list[CodedValue]:
    return list(coded)
