"""Coding: the study's codebook and the engine that codes each trust's replies with it.

``code_documents`` is what ingest calls; the stages live in their own modules (lines, segment,
answers, decide, evidence, outcome, flags) and ``engine`` runs them in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from foi_audit.coding.codebook import Codebook, Field, load_codebook
from foi_audit.coding.engine import code_all, code_one_trust
from foi_audit.coding.joint import documents_by_trust
from foi_audit.records import CodedValue, Document

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
    return code_all(documents, codebook, names)
