"""Coding: codebook -> coded values with evidence, per trust.

``code_documents`` is what ingest calls; the engine lives in ``coding.engine``.
"""

from __future__ import annotations

from collections.abc import Sequence

from foi_audit.coding.codebook import Codebook, Field, load_codebook
from foi_audit.model import CodedValue, Document

__all__ = ["Codebook", "Field", "code_documents", "load_codebook"]


def code_documents(documents: Sequence[Document], codebook: Codebook) -> list[CodedValue]:
    """Every field for every trust that has documents (documents must be matched, status ok).

    PLACEHOLDER until the coding engine lands: every field blank, flagged for review.
    """
    trusts = sorted({d.match.trust_code for d in documents if d.match.trust_code})
    return [
        CodedValue(code, f.name, "", rule="not_coded", needs_review=True)
        for code in trusts
        for f in codebook.fields
    ]
