"""Stage 5, evidence: one value per field from the trust's several replies, and the value's
evidence (which reply, which sentence); conditional fields blank where they do not apply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from foi_audit.coding.codebook import ExtractKind
from foi_audit.coding.compiled import Compiled, FieldSpec
from foi_audit.coding.records import Decision, Reading
from foi_audit.coding.text import matches_any, trim
from foi_audit.records import FlagReason

# Rules that leave a value blank without deciding that blank is the answer.
UNDECIDED = {"no_answer", "no_rule_matched", "no_answer_found"}


@dataclass
class Chosen:
    """Each field's decision and the reading (document) its evidence comes from."""

    values: dict[str, Decision] = field(default_factory=dict)
    sources: dict[str, Reading | None] = field(default_factory=dict)

    def value(self, name: str) -> str:
        found = self.values.get(name)
        return found.value if found else ""


def choose(compiled: Compiled, per_reply: Sequence[tuple[Reading, dict[str, Decision]]]) -> Chosen:
    """Each reply decides on its own; the most confident value wins and two replies that
    disagree are flagged. A rule that decided blank ("N/A", "name withheld") beats a gap."""
    chosen = Chosen()
    for spec in compiled.fields:
        name = spec.field.name
        if spec.derive:
            continue
        candidates = [(r, d[name]) for r, d in per_reply if d[name].value]
        revised = [(r, d) for r, d in candidates if r.revises]
        if revised and len(revised) < len(candidates):
            # An internal review or a correction that answers the question stands over the
            # earlier reply: the two are expected to differ, and the later one is the answer.
            candidates = revised
        if not candidates:
            decided = [(r, d[name]) for r, d in per_reply if d[name].rule not in UNDECIDED]
            with_text = [(r, d[name]) for r, d in per_reply if d[name].had_text]
            best = next(iter(decided or with_text), None)
            chosen.values[name] = best[1] if best else Decision("", "no_answer", confidence=0.9)
            if per_reply:
                chosen.sources[name] = best[0] if best else per_reply[0][0]
            continue
        reading, decision = max(candidates, key=lambda c: c[1].confidence)
        if len({d.value for _, d in candidates}) > 1:
            decision = Decision(
                decision.value, decision.rule, decision.quote, decision.locator,
                min(decision.confidence, 0.5), (*decision.flags, FlagReason.REPLIES_CONFLICT),
                question=decision.question, status=decision.status,
            )  # fmt: skip
        chosen.values[name] = decision
        chosen.sources[name] = reading
    return chosen


def attachment_evidence(readings: Sequence[Reading], chosen: Chosen, compiled: Compiled) -> None:
    """A reply silent on a question that attaches a document titled as the thing asked for
    (a "Sexual Safety Policy v2.docx") gives that value, flagged: the title is the evidence."""
    evidence = compiled.codebook.document.attachment_evidence
    name, value = evidence if evidence else ("", "")
    titles = compiled.doc.attachment_title
    if not name or name not in chosen.values or chosen.value(name) or not titles:
        return
    for reading in readings:
        if any(reading.answers.values()) and reading.kind == "reply":
            continue
        title = reading.document.path.rsplit(" > ", 1)[-1]
        first = reading.general[0] if reading.general else None
        if first and len(first.text.split()) > _TITLE_WORDS:
            first = None  # a letter's opening ("... your request regarding sexual safety
            # policy, ..."), not a document's title
        for text, locator in (
            (title, "file name"),
            (first.text if first else "", first.locator if first else ""),
        ):
            if text and matches_any(titles, text):
                chosen.values[name] = Decision(
                    value, "attachment_title", trim(text), locator, 0.6,
                    (FlagReason.ATTACHMENT_TITLE_ONLY,),
                )  # fmt: skip
                chosen.sources[name] = reading
                return


_TITLE_WORDS = 15  # a document's title is a line, not a paragraph


def applies(spec: FieldSpec, values: dict[str, Decision]) -> bool:
    """Whether a conditional field is asked of this trust (``applies_when``)."""
    condition = spec.field.applies_when
    if condition is None:
        return True
    other = values.get(condition[0])
    return bool(other and other.value == condition[1])


def blanked(spec: FieldSpec, values: dict[str, Decision]) -> bool:
    """Blank by the codebook's own rule (in-house delivery has no provider)."""
    return any(
        values.get(name, Decision("", "")).value == wanted for name, wanted in spec.blank_when
    )


def _missed(spec: FieldSpec, chosen: Chosen) -> tuple[FlagReason, ...]:
    """A person's field left blank because its parent holds only a post, where the parent
    says a name was there but not read: the blank is as doubtful as that post."""
    condition = spec.field.applies_when
    parent = chosen.values.get(condition[0]) if condition else None
    if (
        spec.field.extract is ExtractKind.PERSON
        and parent
        and FlagReason.NAME_NOT_READ in parent.flags
    ):
        return (FlagReason.NAME_NOT_READ,)
    return ()


def blank_where_not_asked(compiled: Compiled, chosen: Chosen) -> None:
    """Conditional fields are blank where they do not apply."""
    for spec in compiled.fields:
        name = spec.field.name
        if spec.derive or name not in chosen.values:
            continue
        if not applies(spec, chosen.values) or blanked(spec, chosen.values):
            chosen.values[name] = Decision(
                "", "not_applicable", confidence=0.9, flags=_missed(spec, chosen)
            )
