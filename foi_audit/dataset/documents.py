"""documents.csv: one row per input file and per attachment, with how it was read and matched.

:func:`to_row` is what ingest writes; :func:`from_row` is how later stages (review, sample)
read a row back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from foi_audit.dataset.layout import Layout, read_blocks, text_id
from foi_audit.fileio import read_csv, unneutralise_cell, write_csv
from foi_audit.records import Document, FileStatus, Match
from foi_audit.register.trusts import Register

DOCUMENTS_COLUMNS = (
    "path", "sha256", "format", "pages", "chars", "ocr", "trust_code", "match_method",
    "match_score", "status", "message", "trust_name", "parent", "text_file", "also_trusts",
    "candidates", "match_evidence",
)  # fmt: skip


@dataclass(frozen=True)
class DocumentEntry:
    """A row of documents.csv as later stages read it (the text itself is under text/)."""

    path: str
    sha256: str
    format: str
    pages: int
    chars: int
    ocr: bool
    trust_code: str
    match_method: str
    match_score: float
    status: str  # a FileStatus value
    message: str
    trust_name: str
    parent: str
    text_file: str  # text/<id>.txt, blank when the document has no text
    also_trusts: tuple[str, ...] = ()  # the other trusts a joint reply answers for
    candidates: tuple[str, ...] = ()  # the trusts an unmatched or ambiguous file may belong to
    match_evidence: str = ""  # each signal's contribution to the match


def to_row(document: Document, register: Register) -> dict[str, Any]:
    trust = register.get(document.match.trust_code) if document.match.trust_code else None
    has_text = document.status in {FileStatus.OK, FileStatus.UNMATCHED} and document.blocks
    return {
        "path": document.path,
        "sha256": document.sha256,
        "format": document.format,
        "pages": document.units,
        "chars": document.chars,
        "ocr": document.ocr,
        "trust_code": document.match.trust_code,
        "match_method": document.match.method,
        "match_score": round(document.match.score, 1),
        "also_trusts": ";".join(document.match.also),
        # The trusts an unmatched or ambiguous file may belong to (the match itself otherwise).
        "candidates": ";".join(document.match.candidates),
        "match_evidence": "; ".join(document.match.evidence),
        "status": str(document.status),
        "message": document.message,
        "trust_name": trust.name if trust else "",
        "parent": document.parent,
        "text_file": f"text/{text_id(document.path, document.sha256)}.txt" if has_text else "",
    }


def from_row(row: Mapping[str, str | None]) -> DocumentEntry:
    def cell(name: str) -> str:
        return unneutralise_cell(row.get(name) or "")

    return DocumentEntry(
        path=cell("path"),
        sha256=cell("sha256"),
        format=cell("format"),
        pages=_number(cell("pages")),
        chars=_number(cell("chars")),
        ocr=cell("ocr") == "true",
        trust_code=cell("trust_code"),
        match_method=cell("match_method"),
        match_score=float(cell("match_score") or 0),
        status=cell("status"),
        message=cell("message"),
        trust_name=cell("trust_name"),
        parent=cell("parent"),
        text_file=cell("text_file"),
        also_trusts=tuple(c for c in cell("also_trusts").split(";") if c),
        candidates=tuple(c for c in cell("candidates").split(";") if c),
        match_evidence=cell("match_evidence"),
    )


def _number(text: str) -> int:
    return int(text) if text.isdigit() else 0


def write_documents(layout: Layout, documents: Iterable[Document], register: Register) -> None:
    write_csv(layout.documents_csv, DOCUMENTS_COLUMNS, (to_row(d, register) for d in documents))


def read_documents(layout: Layout) -> list[DocumentEntry]:
    """documents.csv's rows; empty when ingest has not written one."""
    if not layout.documents_csv.exists():
        return []
    return [from_row(row) for row in read_csv(layout.documents_csv)]


def load_trust_documents(layout: Layout, trust_code: str) -> list[Document]:
    """A trust's documents as ingest read them (the text kept under processed/text/), ready
    for the coding engine again: a value's trace re-reads what the dataset was coded from."""
    documents = []
    for entry in read_documents(layout):
        belongs = entry.trust_code == trust_code or trust_code in entry.also_trusts
        if not belongs or entry.status != FileStatus.OK or not entry.text_file:
            continue
        blocks = tuple(read_blocks(layout, entry.text_file))
        documents.append(
            Document(
                path=entry.path,
                sha256=entry.sha256,
                format=entry.format,
                units=entry.pages,
                chars=entry.chars,
                ocr=entry.ocr,
                status=FileStatus.OK,
                match=Match(
                    entry.trust_code, entry.match_method, entry.match_score, also=entry.also_trusts
                ),
                blocks=blocks,
                parent=entry.parent,
            )
        )
    return documents
