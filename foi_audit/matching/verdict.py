"""Weighing a file's evidence: each trust's candidacy, and the verdict (one trust, a joint
reply's trusts, out of scope, ambiguous or none) with a message naming what decided it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from foi_audit.matching.joint import weak_joint
from foi_audit.matching.names import (
    BODY_PREFIX,
    Evidence,
    Index,
    Signal,
    abbreviates_winner,
    name_tokens,
)
from foi_audit.records import Match

MATCH_THRESHOLD = 50.0


# The runner-up makes the file ambiguous when it is this close to the winner or itself enough.
_AMBIGUOUS_RATIO = 0.7


@dataclass(frozen=True)
class Candidate:
    code: str  # a trust's code, or "~" for out-of-scope bodies
    score: float
    best: Evidence
    signals: tuple[Evidence, ...]

    @property
    def strong(self) -> bool:
        return any(e.strong for e in self.signals)

    @property
    def strong_signals(self) -> int:
        return sum(1 for e in self.signals if e.strong)

    @property
    def firm(self) -> bool:
        """Strong evidence no second reading explains away: a full name in a head zone, an ODS
        code, the sender's own domain."""
        return any(
            e.strong
            and (
                e.signal in {Signal.CODE_IN_NAME, Signal.CODE_IN_TEXT, Signal.SENDER_DOMAIN}
                or _is_full_name(e)
            )
            for e in self.signals
        )

    @property
    def is_body(self) -> bool:
        return self.code == BODY_PREFIX

    def contributions(self) -> list[tuple[Evidence, float]]:
        """Each signal's points as they add up: the best in full, each other one half."""
        return [(e, e.points if i == 0 else 0.5 * e.points) for i, e in enumerate(self.signals)]


def _is_full_name(item: Evidence) -> bool:
    words = name_tokens(item.quote)[0]
    return "trust" in words or item.code.startswith(BODY_PREFIX)


_SIGNAL_ORDER = {signal: number for number, signal in enumerate(Signal)}


def score(evidence: Sequence[Evidence]) -> list[Candidate]:
    best_by: dict[str, dict[Signal, Evidence]] = {}
    for item in evidence:
        key = BODY_PREFIX if item.code.startswith(BODY_PREFIX) else item.code
        slot = best_by.setdefault(key, {})
        current = slot.get(item.signal)
        if current is None or (item.points, item.strong) > (current.points, current.strong):
            slot[item.signal] = item
    candidates = []
    for code, by_signal in best_by.items():
        # Ties go to the strong signal, then to the signal that says most (a name before a
        # domain).
        ranked = sorted(
            by_signal.values(), key=lambda e: (-e.points, not e.strong, _SIGNAL_ORDER[e.signal])
        )
        # The strongest signal counts in full; each further independent one adds half.
        score = ranked[0].points + 0.5 * sum(e.points for e in ranked[1:])
        candidates.append(Candidate(code, min(100.0, score), ranked[0], tuple(ranked)))
    return sorted(candidates, key=lambda c: (-c.score, c.code))


def _body_name(candidate: Candidate) -> str:
    """The out-of-scope body a candidate stands for: its fullest name among the evidence."""
    named = [e for e in candidate.signals if not e.code.startswith(f"{BODY_PREFIX}an ")]
    best = max(named or candidate.signals, key=lambda e: (e.strong, len(e.quote.split())))
    return best.code[len(BODY_PREFIX) :]


def _label(candidate: Candidate, index: Index) -> str:
    if candidate.is_body:
        return f"{_body_name(candidate)}, not an NHS trust in England"
    return f"{candidate.code} {index.names.get(candidate.code, '')}"


def _describe(candidate: Candidate, index: Index) -> str:
    return (
        f"{_label(candidate, index)} ({candidate.best.signal.value} "
        f"'{candidate.best.quote}', score {candidate.score:.0f})"
    )


def _evidence_lines(candidates: Sequence[Candidate], index: Index) -> tuple[str, ...]:
    """``letterhead:RJ6 'Croydon Health Services NHS Trust' +60``, one per signal."""
    lines = []
    for candidate in candidates:
        for item, points in candidate.contributions():
            code = "out_of_scope" if candidate.is_body else candidate.code
            via = f" [{item.via}]" if item.via else ""
            quote = " ".join(item.quote.split())[:80]
            lines.append(f"{item.signal.value}:{code} '{quote}'{via} +{points:.0f}")
    return tuple(lines)


def _trust_codes(candidates: Iterable[Candidate]) -> tuple[str, ...]:
    return tuple(c.code for c in candidates if not c.is_body)


def _outweighs(top: Candidate, rival: Candidate) -> bool:
    """Repeated strong evidence beats one strong cue that is not a full name or a code."""
    return (
        top.firm
        and top.strong_signals >= 2
        and not rival.firm
        and rival.strong_signals <= 1
        and top.score >= rival.score
    )


def _named_only_beside(rival: Candidate, top: Candidate) -> bool:
    """Is all the rival's strong evidence a line naming the winner too ("X and Y share a
    Chair"), while the winner has strong evidence of its own? Outside a joint reply such a line
    says who the writer works with, not who wrote."""
    rival_strong = [e for e in rival.signals if e.strong]
    return all(top.code in e.co_named for e in rival_strong) and any(
        e.strong and rival.code not in e.co_named for e in top.signals
    )


def _own_site(rival: Candidate, top: Candidate) -> bool:
    """Is the rival a body (a GP practice called "Queens Medical Centre") whose every strong
    cue is words the winner knows as its own site, in the same place? Then the words name the
    trust's hospital, not another body."""
    strong = [(e.quote, e.where) for e in rival.signals if e.strong]
    known = {(t.quote, t.where) for t in top.signals}
    return rival.is_body and bool(strong) and all(s in known for s in strong)


def decide(
    candidates: list[Candidate],
    cues: list[str],
    index: Index,
    reply_date: str | None,
    in_full: AbstractSet[str] = frozenset(),
) -> Match:
    if not candidates or candidates[0].score < MATCH_THRESHOLD:
        hint = ""
        if candidates:
            hint = (
                " (weak evidence only: "
                + "; ".join(_describe(c, index) for c in candidates[:3])
                + ")"
            )
        return Match(
            "",
            "none",
            candidates[0].score if candidates else 0.0,
            f"no trust found with enough evidence{hint}: pin the file in mapping.csv",
            _trust_codes(candidates[:3]),
            evidence=_evidence_lines(candidates[:3], index),
        )
    top = candidates[0]
    rivals = [
        c
        for c in candidates[1:]
        if c.score >= MATCH_THRESHOLD or c.score >= _AMBIGUOUS_RATIO * top.score
    ]
    # Only strong evidence can stand against strong evidence; against weak, anything can.
    conflicting = [r for r in rivals if r.strong] if top.strong else rivals
    # (a reply saying in words that it is joint keeps each trust it names in full, however
    # much more evidence its first trust has: "This is a joint reply", two names in its opening)
    said_joint = bool(cues) and not weak_joint(cues)
    conflicting = [
        r for r in conflicting if not _outweighs(top, r) or (said_joint and r.code in in_full)
    ]
    if conflicting:
        named = [top, *conflicting]
        # each trust firmly named, or named in full by a reply that says it answers for both
        # (a shared FOI mailbox, each trust's acronym in the subject and its section headed)
        if cues and all((c.firm or c.code in in_full) and not c.is_body for c in named):
            return joint(named, cues, index)
        conflicting = [
            r
            for r in conflicting
            if not _named_only_beside(r, top)
            and not _own_site(r, top)
            and not abbreviates_winner(r.signals, top.signals)
        ]
    if conflicting:
        named = [top, *conflicting]
        return Match(
            "",
            "ambiguous",
            top.score,
            "ambiguous: "
            + " or ".join(_describe(c, index) for c in named[:4])
            + ": pin the file in mapping.csv",
            _trust_codes(named[:4]),
            evidence=_evidence_lines(named[:4], index),
        )
    if top.is_body:
        return Match(
            "",
            "out_of_scope",
            round(top.score, 1),
            f"out of scope: {_body_name(top)} is not an NHS trust in England "
            f"({top.best.signal.value} '{top.best.quote}'); its reply is not counted for any trust",
            (),
            evidence=_evidence_lines([top], index),
        )
    message = f"{top.best.signal.value}: '{top.best.quote}' ({top.best.where})"
    moved = sorted({e.via for e in top.signals if e.via})
    if moved:
        message += (
            f"; {', '.join(moved)}, before the reply date {reply_date}: "
            if reply_date
            else f"; {', '.join(moved)}: "
        ) + f"{top.code} {index.names.get(top.code, '')} took it over"
    return Match(
        top.code,
        top.best.signal.value,
        round(top.score, 1),
        message,
        (top.code,),
        evidence=_evidence_lines([top], index),
    )


def joint(named: Sequence[Candidate], cues: Sequence[str], index: Index) -> Match:
    """A reply answering for several trusts: matched to each (the first is ``trust_code``)."""
    codes = [c.code for c in named]
    return Match(
        codes[0],
        "joint",
        round(min(c.score for c in named), 1),
        "joint reply for "
        + " and ".join(_label(c, index) for c in named)
        + f": {'; '.join(cues[:3])}",
        tuple(codes),
        also=tuple(codes[1:]),
        evidence=_evidence_lines(named, index),
    )


def carried(body: Candidate, trust: Candidate, heading: str, index: Index) -> Match:
    """A body's reply carrying one trust's answers under their own heading: the trust's (the
    coding reads that section alone, not the body's own answers around it)."""
    said = f"{_body_name(body)} carries {_label(trust, index)}'s answers under '{heading[:80]}'"
    return _for_one(trust, "carried", said, [trust, body], index)


def sent_for(owner: Candidate, others: Sequence[Candidate], words: str, index: Index) -> Match:
    """A reply that says it answers for one trust alone ("I am writing on behalf of X", "This
    reply covers X only"): that trust's, whoever sent it (a shared FOI service, a group's
    letterhead naming its partner, the host's signature)."""
    said = f"the reply says it answers for {_label(owner, index)} alone"
    return _said_for(owner, said, words, others, index)


def others_not_answering(
    owner: Candidate, others: Sequence[Candidate], words: str, index: Index
) -> Match:
    """A reply whose every other trust it might be from is said not to be answering ("Y is a
    separate organisation and was not asked", "you may wish to contact them"): the one left."""
    said = f"{_label(owner, index)}'s: the reply says the others are not answering"
    return _said_for(owner, said, words, others, index)


def contradicted(named: Candidate, owner: Candidate, words: str, index: Index) -> Match:
    """A reply whose evidence names one trust while its words say it answers for another ("I am
    writing on behalf of Y" on X's letterhead, no group or shared service in sight): left for a
    person, both named."""
    return Match(
        "",
        "ambiguous",
        round(named.score, 1),
        f"ambiguous: {_describe(named, index)}, but the reply says it answers for "
        f"{_label(owner, index)} ('{words[:100]}'): pin the file in mapping.csv",
        (named.code, owner.code),
        evidence=_evidence_lines([named, owner], index),
    )


def _said_for(
    owner: Candidate, said: str, words: str, others: Sequence[Candidate], index: Index
) -> Match:
    """``owner``'s (method ``sent_for``), the message quoting the words and naming the rivals
    not counted, the evidence the owner's and theirs."""
    rivals = [c for c in others if c.strong or c.score >= MATCH_THRESHOLD][:3]
    besides = f"; not {', '.join(_label(c, index) for c in rivals)}" if rivals else ""
    message = f"{said}: '{words[:120]}'{besides}"
    return _for_one(owner, "sent_for", message, [owner, *rivals], index)


def _for_one(
    trust: Candidate, method: str, message: str, shown: Sequence[Candidate], index: Index
) -> Match:
    """A file matched to one trust, with the evidence of ``shown``."""
    return Match(
        trust.code,
        method,
        round(trust.score, 1),
        message,
        (trust.code,),
        evidence=_evidence_lines(shown, index),
    )
