"""The principal answer of a field: the one value a comparison of two rounds leads with.

One function decides it, :func:`principal_value`, in this order:

1. the field's own ``principal`` value, once the codebook can declare one (not yet: the
   codebook belongs to ``coding/``);
2. ``data/principal_answers.csv`` beside this module: the answers chosen for known codebooks
   by name (the built-in study's, with the reason for each), until their codebooks declare them;
3. otherwise the first value of the field that is not one of its ``negative`` values (the
   value that says the thing is there), or the first value when all are negative.

A choice is only used when it is one of the values the summary reports for the field.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

from foi_audit.coding.codebook import Codebook, Field

_MAPPING_FILE = "principal_answers.csv"


@cache
def _known_choices() -> Mapping[tuple[str, str], str]:
    """(codebook name, field) -> value, from the packaged CSV."""
    text = resources.files("foi_audit.figures").joinpath("data", _MAPPING_FILE).read_text("utf-8")
    return {
        (row["codebook"].strip(), row["field"].strip()): row["value"].strip()
        for row in csv.DictReader(io.StringIO(text))
    }


def principal_value(codebook: Codebook, f: Field, values: Sequence[str]) -> str:
    """The value of ``f`` a comparison leads with, among ``values`` (those the summary
    reports for it, in its order); "" when there are none."""
    declared = str(getattr(f, "principal", "") or "")
    if declared in values:
        return declared
    chosen = _known_choices().get((codebook.name, f.name), "")
    if chosen in values:
        return chosen
    negative = set(f.negative)
    return next((v for v in values if v not in negative), values[0] if values else "")
