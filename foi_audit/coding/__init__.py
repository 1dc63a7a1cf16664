"""Coding: the study's codebook and the engine that codes each trust's replies with it.

``code_documents`` is what ingest calls; the stages live in their own modules (lines, segment,
answers, decide, evidence, outcome, flags) and ``engine`` runs them in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from foi_audit.coding.codebook import Codebook, Field, load_codebook
from foi_audit.records import CodedValue, Document

if TYPE_CHECKING:
    from foi_audit.coding.engine import code_one_trust
    from foi_audit.coding.joint import documents_by_trust


def __getattr__(name: str) -> Any:
    """The engine is imported when first used: commands that only read the codebook (summary,
    tables, report) do not pay for it."""
    if name == "code_one_trust":
        from foi_audit.coding.engine import code_one_trust

        return code_one_trust
    if name == "documents_by_trust":
        from foi_audit.coding.joint import documents_by_trust

        return documents_by_trust
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Codebook",
    "Field",
    "code_documents",
    "code_one_trust",
    "documents_by_trust",
    "load_codebook",
]


def code_documents(
    documents: Sequence[Document],
    codebook: Codebook,
    names: Mapping[str, Sequence[str]] | None = None,
) -> list[CodedValue]:
    """Every field for every trust that has documents (documents must be matched, status ok).

    One value per field per trust, blank when the replies give no information, each with its
    quote, source, locator, confidence, deciding rule and flags. ``names`` gives each trust's
    own names and acronyms (read as "the Trust").
    """
    from foi_audit.coding.engine import code_all

    return code_all(documents, codebook, names)
