"""Property-based tests: any text in, no exception out, every value within the codebook."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_audit.coding import code_documents, load_codebook
from foi_audit.records import Block, BlockRole, Document, FileStatus, Match

CODEBOOK = load_codebook()

# Words that steer the rules, mixed with arbitrary text, so the engine's branches are reached.
CUES = [
    "Yes", "No", "N/A", "not held", "Information not held", "section 40(2)", "s.12", "s21",
    "Section 43", "policy", "Dignity at Work", "sexual safety", "sexual harassment", "draft",
    "Active Bystander Training", "in-house", "external provider", "Ltd", "mandatory", "optional",
    "module", "plan to introduce", "executive lead", "domestic abuse", "Chief Nurse", "Dr",
    "Question 1", "Q2", "2a", "see our response to question 2", "Dear", "Freedom of Information",
    "acknowledge", "withheld", "\n", "|", ":", "=", "+", "-", "@",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(CUES), st.text(max_size=40)), max_size=40).map(" ".join)
roles = st.sampled_from(list(BlockRole))


@st.composite
def documents(draw: st.DrawFn) -> list[Document]:
    count = draw(st.integers(min_value=1, max_value=3))
    docs = []
    for index in range(count):
        blocks = tuple(
            Block(draw(texts), f"page {n + 1}", draw(roles))
            for n in range(draw(st.integers(min_value=0, max_value=6)))
        )
        docs.append(
            Document(
                path=f"reply {index}.pdf",
                sha256=f"{index:064d}",
                format="pdf",
                units=1,
                chars=sum(len(b.text) for b in blocks),
                ocr=draw(st.booleans()),
                status=FileStatus.OK,
                match=Match("RA9", "letterhead", 90.0),
                blocks=blocks,
            )
        )
    return docs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_text_codes_within_the_codebook(docs: list[Document]) -> None:
    coded = code_documents(docs, CODEBOOK)
    by_field = {c.field: c for c in coded if c.trust_code == "RA9"}
    assert set(by_field) == set(CODEBOOK.field_names)  # every field, once
    for value in coded:
        field = CODEBOOK.field(value.field)
        assert field.allows(value.value), f"{value.field}={value.value!r} not allowed"
        assert 0.0 <= value.confidence <= 1.0
        assert isinstance(value.needs_review, bool)
