"""Coding: codebook -> coded values with evidence, per trust.

PLACEHOLDER until the coding issue lands: ``code_documents`` returns no values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from foi_audit.model import CodedValue, Document


@dataclass(frozen=True)
class Codebook:
    field_names: tuple[str, ...]


def load_codebook(path: Path | None = None) -> Codebook:
    return Codebook(
        field_names=(
            "response_status",
            "exemptions",
            "policy",
            "abt_provided",
            "abt_delivery",
            "abt_provider",
            "abt_mandatory",
            "abt_sh_module",
            "abt_planned",
            "dasv_lead",
            "dasv_lead_name",
            "dasv_lead_role",
        )
    )


def code_documents(documents: Sequence[Document], codebook: Codebook) -> list[CodedValue]:
    return []
