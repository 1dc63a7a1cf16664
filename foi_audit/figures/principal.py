"""The principal answer of a field: the one value a comparison of two rounds leads with.

One function decides it, :func:`principal_value`: the field's own ``principal`` (declared in
the codebook), otherwise the first value of the field that is not one of its ``negative``
values (the value that says the thing is there), or the first value when all are negative.

A choice is only used when it is one of the values the summary reports for the field.
"""

from __future__ import annotations

from collections.abc import Sequence

from foi_audit.coding.codebook import Codebook, Field, FieldRole
from foi_audit.figures.summary import NONE_CITED


def principal_value(codebook: Codebook, f: Field, values: Sequence[str]) -> str:
    """The value of ``f`` a comparison leads with, among ``values`` (those the summary
    reports for it, in its order); "" when there are none."""
    if f.principal in values:
        return f.principal
    if f.role is FieldRole.EXEMPTIONS and NONE_CITED in values:
        return NONE_CITED  # no exemption cited: the reply withheld nothing
    negative = set(f.negative)
    return next((v for v in values if v not in negative), values[0] if values else "")
