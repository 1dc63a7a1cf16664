"""The request side: who was asked, reply dates, statutory deadlines and timeliness.

PLACEHOLDER until the request-side issue lands: no extra trusts.csv columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foi_audit.store import Layout


def request_columns(
    layout: Layout, trust_codes: Sequence[str]
) -> tuple[tuple[str, ...], dict[str, dict[str, Any]]]:
    """Extra trusts.csv columns (after the coded ones) and their values per trust."""
    return (), {}
