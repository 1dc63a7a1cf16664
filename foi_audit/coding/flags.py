"""Stage 7, flags: why a person should look at a value, each reason named."""

from __future__ import annotations

from collections.abc import Sequence

from foi_audit.coding.compiled import Compiled, FieldSpec
from foi_audit.coding.records import Reading
from foi_audit.coding.text import matches_any


def silent(spec: FieldSpec, replies: Sequence[Reading], compiled: Compiled) -> bool:
    """A field marked ``silent_blank`` is blank by rule when no reply text touches its
    question (no cue of it anywhere, answers or letter text): "blank when the reply is silent"."""
    if not spec.field.silent_blank or not spec.questions:
        return False
    question = next((q for q in compiled.questions if q.id == spec.questions[0]), None)
    if question is None:
        return False
    for reading in replies:
        if spec.questions[0] in reading.asked:
            return False
        texts = [s.text for s in reading.general]
        texts += [s.text for found in reading.answers.values() for s in found]
        if any(matches_any(question.cues, text) for text in texts):
            return False
    return True
