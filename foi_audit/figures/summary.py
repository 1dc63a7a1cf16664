"""The summary a journalist can print: counts, denominators, intervals, phrases and their trusts.

Pure apart from reading the processed folder through the library (``dataset.effective_codes``,
so human overrides apply to every figure). Imports stay light (no pandas, no matplotlib):
``foi-audit summary`` must answer in well under half a second.

Who counts
    *asked*: the trusts in ``data/raw/asked.csv`` when it exists, otherwise every trust with a
    row in the coded dataset (the summary says which). *replied*: asked, has coded values and
    the codebook's outcome field does not hold its no-reply value. *answered* a question:
    replied, in the question's base (``applies_when``, e.g. details of a thing only among
    trusts that have it) and the value is not blank. Percentages are of those who answered.

Outcomes (the request as a whole) use other bases: the outcome field and ``timeliness`` among
everyone asked (no reply = the no-reply value), the exemptions field among those who replied
(blank = no exemption cited; each section counted separately). Which field is which is the
codebook's ``role``.

Best and worst case: the count if every asked trust that did not answer (including those that
never replied, who might have been in a conditional base) had answered this value, or had not,
out of ``bound_base`` = trusts in the base that replied + trusts that did not reply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from foi_audit.coding.codebook import Codebook, Field, FieldKind, FieldRole, OutcomeRole
from foi_audit.dataset.codes import effective_codes
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.study import load_study_codebook
from foi_audit.dataset.trusts import read_trusts
from foi_audit.errors import CodebookError, InputError
from foi_audit.figures import stats
from foi_audit.records import CodedValue
from foi_audit.register.trusts import Register, load_register
from foi_audit.requests.asked import asked_notes, load_asked
from foi_audit.requests.timeliness import TIMELINESS_COLUMN, Timeliness

NONE_CITED = "(none)"  # exemptions field: replied and cited no exemption
GIVEN = "given"  # text fields: the value was given
UNKNOWN_GROUP = "(unknown)"
BY_CHOICES = ("region", "trust_type")

# What trusts with each outcome did, as the end of a sentence starting "20 of 207 trusts".
_OUTCOME_PREDICATES = {
    OutcomeRole.ANSWERED: "answered every question",
    OutcomeRole.PARTLY_ANSWERED: "answered in part",
    OutcomeRole.REFUSED: "refused the request",
    OutcomeRole.NOT_HELD: "said they hold no information",
    OutcomeRole.NO_REPLY: "have not replied",
}
_NOUN_STARTS = {"a", "an", "the", "only", "no"}  # English: "have a policy", "have no lead"


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class TrustRecord:
    """One asked trust: who it is, whether it replied and its effective coded values."""

    code: str
    name: str
    region: str
    trust_type: str
    replied: bool
    values: Mapping[str, CodedValue] = field(default_factory=dict)
    extra: Mapping[str, str] = field(default_factory=dict)  # request-side trusts.csv columns


@dataclass(frozen=True)
class Population:
    trusts: tuple[TrustRecord, ...]  # the asked trusts, sorted by code
    asked_source: str  # "asked.csv" or "replies"
    asked_note: str  # the sentence saying where "asked" came from
    notes: tuple[str, ...] = ()  # anything else a reader must know
    has_timeliness: bool = False


@dataclass(frozen=True)
class Chain:
    """The denominator chain: asked -> replied -> (in the base) -> answered."""

    asked: int
    replied: int
    in_base: int
    answered: int
    base: str  # "all asked", "replied" or the condition ("provide Active Bystander Training")
    bound_base: int  # denominator of the best and worst case

    def text(self) -> str:
        if self.base == "all asked":
            return f"{self.asked} asked → {self.answered} with a known outcome"
        steps = [f"{self.asked} asked", f"{self.replied} replied"]
        if self.base != "replied":
            steps.append(f"{self.in_base} {self.base}")
        steps.append(f"{self.answered} answered")
        return " → ".join(steps)


@dataclass(frozen=True)
class ValueStat:
    value: str
    label: str
    count: int
    denominator: int
    percent: float | None  # 0..100, full precision; None when nobody answered
    ci_low: float | None  # percent
    ci_high: float | None  # percent
    phrase: str
    headline: str
    needs_review: int  # of the count, values flagged for review
    worst_case: int  # of bound_base
    best_case: int  # of bound_base
    worst_case_percent: float
    best_case_percent: float
    explain: str  # the command that lists the trusts behind this figure


@dataclass(frozen=True)
class FieldStat:
    field: str
    label: str
    kind: str
    section: str  # "questions" or "outcomes"
    applies_when: str  # "other_field=value" or ""
    chain: Chain
    chain_text: str
    needs_review: int
    values: tuple[ValueStat, ...]


@dataclass(frozen=True)
class GroupStat:
    group: str
    asked: int
    replied: int
    fields: tuple[FieldStat, ...]


@dataclass(frozen=True)
class Summary:
    method: str
    asked_source: str
    asked_note: str
    asked: int
    replied: int
    no_reply: int
    needs_review: int  # counted values flagged for review (counted as coded)
    notes: tuple[str, ...]
    questions: tuple[FieldStat, ...]
    outcomes: tuple[FieldStat, ...]
    by: str  # "" or region / trust_type
    groups: tuple[GroupStat, ...]


@dataclass(frozen=True)
class ExplainRow:
    trust_code: str
    trust_name: str
    value: str
    quote: str
    source: str  # "reply.pdf > page 2"
    needs_review: bool
    overridden: bool


@dataclass(frozen=True)
class Explanation:
    field: str
    value: str  # "" when listing every trust in the base
    headline: str
    chain_text: str
    rows: tuple[ExplainRow, ...]


# ---------------------------------------------------------------- loading


def load_population(layout: Layout, codebook: Codebook) -> Population:
    """The asked trusts with their effective codes (overrides applied) and request columns."""
    by_trust: dict[str, dict[str, CodedValue]] = {}
    for coded in effective_codes(layout, codebook):
        by_trust.setdefault(coded.trust_code, {})[coded.field] = coded
    rows = {r.trust_code: r for r in read_trusts(layout)}
    has_timeliness = any(TIMELINESS_COLUMN in r.request for r in rows.values())
    asked = load_asked(layout.asked_csv)
    notes: list[str] = list(asked_notes(layout.asked_csv))  # an empty file, Excel's encoding
    if asked is None:
        codes = sorted(by_trust)
        replied = sum(1 for c in codes if _replied(by_trust.get(c), codebook))
        missing = "asked.csv is empty" if layout.asked_csv.exists() else "no asked.csv"
        if replied == len(codes):
            note = f"{missing}: counting the {len(codes)} trusts that replied"
        else:
            note = (
                f"{missing}: counting the {len(codes)} trusts that sent something "
                f"({replied} replied, {len(codes) - replied} only acknowledged)"
            )
        source = "replies"
    else:
        codes = sorted(a.trust_code for a in asked)
        note = f"{len(codes)} trusts listed in {layout.asked_csv.name}"
        source = "asked.csv"
        strays = sorted(set(by_trust) - set(codes))
        if strays:
            notes.append(
                f"{len(strays)} trust{'s have' if len(strays) > 1 else ' has'} coded replies but are not in asked.csv and are not "
                f"counted: {', '.join(strays)} (add them to asked.csv or fix the matching)"
            )
    register: Register | None = None
    trusts = []
    for code in codes:
        row = rows.get(code)
        name, region, trust_type = (
            (row.trust_name, row.region, row.trust_type) if row else ("",) * 3
        )
        if not (name and region and trust_type):
            register = register or load_register()  # only for trusts trusts.csv lacks
            known = register.get(code)
            if known:
                name = name or known.name
                region = region or known.region
                trust_type = trust_type or known.trust_type
        timeliness = str(row.request.get(TIMELINESS_COLUMN, "")) if row else ""
        trusts.append(
            TrustRecord(
                code=code,
                name=name,
                region=region or UNKNOWN_GROUP,
                trust_type=trust_type or UNKNOWN_GROUP,
                replied=_replied(by_trust.get(code), codebook),
                values=by_trust.get(code, {}),
                extra={TIMELINESS_COLUMN: timeliness} if has_timeliness else {},
            )
        )
    return Population(tuple(trusts), source, note, tuple(notes), has_timeliness)


def _replied(values: Mapping[str, CodedValue] | None, codebook: Codebook) -> bool:
    if not values:
        return False
    outcome = codebook.outcome_field
    status = values.get(outcome.name) if outcome else None
    no_reply = codebook.no_reply_value
    return status is None or not no_reply or status.value != no_reply


# ---------------------------------------------------------------- computing


@dataclass(frozen=True)
class _Counted:
    """Who is in a field's base and what each answered (value "" = no answer)."""

    chain: Chain
    answers: tuple[tuple[TrustRecord, str, CodedValue | None], ...]  # base members


def _timeliness_field(population: Population) -> Field:
    order = tuple(t.value for t in Timeliness)
    seen = {t.extra.get(TIMELINESS_COLUMN, "") for t in population.trusts} - {""}
    values = [v for v in order if v in seen] + sorted(seen - set(order))
    return Field(
        name=TIMELINESS_COLUMN,
        kind=FieldKind.CATEGORICAL,
        label="Timeliness of the reply",
        definition="Whether the reply came within the statutory 20 working days.",
        values=tuple(values) or order,
        value_labels=tuple((t.value, t.label) for t in Timeliness),
    )


def _is_timeliness(f: Field) -> bool:
    return f.name == TIMELINESS_COLUMN and f.role is FieldRole.ANSWER


def _value_of(trust: TrustRecord, f: Field, codebook: Codebook) -> tuple[str, CodedValue | None]:
    if _is_timeliness(f):
        return trust.extra.get(TIMELINESS_COLUMN, "").strip(), None
    if f.role is FieldRole.OUTCOME and not trust.values:
        return codebook.no_reply_value, None  # asked and nothing at all came back
    coded = trust.values.get(f.name)
    return (coded.value.strip() if coded else ""), coded


def _base_kind(f: Field) -> str:
    if f.role is FieldRole.OUTCOME or _is_timeliness(f):
        return "all asked"
    return "replied"


def _every_member_answers(f: Field) -> bool:
    """Blank is an answer too: no exemption cited, or the text not given."""
    return f.role is FieldRole.EXEMPTIONS or f.kind is FieldKind.TEXT


def _count(f: Field, trusts: Sequence[TrustRecord], codebook: Codebook) -> _Counted:
    asked = len(trusts)
    replied = [t for t in trusts if t.replied]
    base_kind = _base_kind(f)
    if base_kind == "all asked":
        members: Sequence[TrustRecord] = trusts
        base = "all asked"
    elif f.applies_when:
        parent, wanted = f.applies_when
        parent_field = codebook.field(parent)
        members = [t for t in replied if _value_of(t, parent_field, codebook)[0] == wanted]
        base = _condition_label(codebook, parent, wanted)
    else:
        members = replied
        base = "replied"
    answers = tuple((t, *_value_of(t, f, codebook)) for t in members)
    if _every_member_answers(f):
        answered = len(members)
    else:
        answered = sum(1 for _, value, _ in answers if value)
    not_replied = asked - len(replied)
    bound_base = asked if base_kind == "all asked" else len(members) + not_replied
    chain = Chain(asked, len(replied), len(members), answered, base, bound_base)
    return _Counted(chain, answers)


def _condition_label(codebook: Codebook, parent: str, wanted: str) -> str:
    try:
        parent_field = codebook.field(parent)
    except CodebookError:
        return f"with {parent} = {wanted}"
    label = dict(parent_field.value_labels).get(wanted)
    if label:
        return label
    return f"with {parent_field.label} = {parent_field.value_label(wanted)}"


def _values_to_report(f: Field, counted: _Counted) -> list[str]:
    if f.kind is FieldKind.TEXT:
        return [GIVEN]
    seen: set[str] = set()
    for _, value, _ in counted.answers:
        if f.kind is FieldKind.MULTI:
            seen.update(part.strip() for part in value.split(";") if part.strip())
        elif value:
            seen.add(value)
    values = list(f.values) + sorted(seen - set(f.values))  # unexpected values still add up
    if f.role is FieldRole.EXEMPTIONS:
        values.append(NONE_CITED)
    return values


def _has(f: Field, answer: str, value: str) -> bool:
    if f.kind is FieldKind.TEXT:
        return bool(answer)
    if f.role is FieldRole.EXEMPTIONS and value == NONE_CITED:
        return not answer
    if f.kind is FieldKind.MULTI:
        return value in {part.strip() for part in answer.split(";")}
    return answer == value


def value_label(f: Field, value: str) -> str:
    if f.kind is FieldKind.TEXT:
        return f"gave the {_lower_first(f.label)}"
    if value == NONE_CITED:
        return "no exemption cited"
    return f.value_label(value)


def _lower_first(text: str) -> str:
    """ "Written parking policy" -> "written parking policy"; "NHS number" stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def predicate(f: Field, value: str, codebook: Codebook) -> str:
    """What the counted trusts did, as the end of a sentence starting "20 of 207 trusts"."""
    if _is_timeliness(f) and value in {t.value for t in Timeliness}:
        return Timeliness(value).label
    if f.role is FieldRole.OUTCOME:
        role = next((r for r, v in codebook.outcome.values if v == value), None)
        if role is not None:
            return _OUTCOME_PREDICATES[role]
    if f.role is FieldRole.EXEMPTIONS and value == NONE_CITED:
        return "cited no exemption"
    if f.kind is FieldKind.TEXT:
        return value_label(f, value)
    if f.role is FieldRole.EXEMPTIONS:
        return f"cited {value}"
    label = dict(f.value_labels).get(value)
    if label:
        return f"have {label}" if label.split(" ", 1)[0].lower() in _NOUN_STARTS else label
    return f"answered “{f.value_label(value)}” ({f.label})"


def _explain_spec(f: Field, value: str) -> str:
    return f"foi-audit explain {f.name}={value}"


def _field_stat(f: Field, trusts: Sequence[TrustRecord], codebook: Codebook) -> FieldStat:
    counted = _count(f, trusts, codebook)
    chain = counted.chain
    chain_text = chain.text()
    answered = [
        (trust, answer, coded)
        for trust, answer, coded in counted.answers
        if answer or _every_member_answers(f)
    ]
    stats_list = []
    for value in _values_to_report(f, counted):
        having = [coded for _, answer, coded in answered if _has(f, answer, value)]
        stats_list.append(_value_stat(f, value, chain, having, codebook))
    flagged = sum(1 for _, _, coded in answered if coded is not None and coded.needs_review)
    return FieldStat(
        field=f.name,
        label=f.label,
        kind=f.kind,
        section="outcomes" if _is_outcome(f) else "questions",
        applies_when="=".join(f.applies_when) if f.applies_when else "",
        chain=chain,
        chain_text=chain_text,
        needs_review=flagged,
        values=tuple(stats_list),
    )


def _value_stat(
    f: Field, value: str, chain: Chain, having: Sequence[CodedValue | None], codebook: Codebook
) -> ValueStat:
    count = len(having)
    chain_text = chain.text()
    n = chain.answered
    unknown = chain.bound_base - n
    best = count + unknown
    percent: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    if n:
        low, high = stats.wilson_interval(count, n)
        proportion = count / n
        percent, ci_low, ci_high = proportion * 100, low * 100, high * 100
        phrase = stats.natural_frequency(count, n)
        lead = f"{count} of {n} trusts ({stats.percent(proportion)}, 95% CI {stats.interval_text(low, high)})"
        tail = "" if phrase.startswith(f"{count} of ") else f" — {phrase}"
        headline = f"{lead} {predicate(f, value, codebook)}{tail}. Base: {chain_text}."
    else:
        phrase = "no trust answered"
        headline = f"No trust answered this question. Base: {chain_text}."
    bound = chain.bound_base or 1
    return ValueStat(
        value=value,
        label=value_label(f, value),
        count=count,
        denominator=n,
        percent=percent,
        ci_low=ci_low,
        ci_high=ci_high,
        phrase=phrase,
        headline=headline,
        needs_review=sum(1 for c in having if c is not None and c.needs_review),
        worst_case=count,
        best_case=best,
        worst_case_percent=count / bound * 100,
        best_case_percent=best / bound * 100,
        explain=_explain_spec(f, value),
    )


def _is_outcome(f: Field) -> bool:
    """About the request as a whole, not one of its questions."""
    return f.role in (FieldRole.OUTCOME, FieldRole.EXEMPTIONS) or _is_timeliness(f)


def _fields(codebook: Codebook, population: Population) -> tuple[list[Field], list[Field]]:
    questions = [f for f in codebook.fields if not _is_outcome(f)]
    outcomes = [f for f in codebook.fields if _is_outcome(f)]
    if population.has_timeliness:
        outcomes.append(_timeliness_field(population))
    return questions, outcomes


def _group_key(by: str) -> Callable[[TrustRecord], str]:
    if by == "region":
        return lambda t: t.region
    if by == "trust_type":
        return lambda t: t.trust_type
    raise InputError(f"--by {by!r} is not supported: use one of " + ", ".join(BY_CHOICES))


def compute_summary(population: Population, codebook: Codebook, by: str = "") -> Summary:
    """Every figure, from an already-loaded population (pure)."""
    trusts = population.trusts
    questions, outcomes = _fields(codebook, population)
    question_stats = tuple(_field_stat(f, trusts, codebook) for f in questions)
    outcome_stats = tuple(_field_stat(f, trusts, codebook) for f in outcomes)
    groups: list[GroupStat] = []
    if by:
        key = _group_key(by)
        names = sorted({key(t) for t in trusts}, key=lambda g: (g == UNKNOWN_GROUP, g))
        for name in names:
            members = [t for t in trusts if key(t) == name]
            groups.append(
                GroupStat(
                    group=name,
                    asked=len(members),
                    replied=sum(1 for t in members if t.replied),
                    fields=tuple(_field_stat(f, members, codebook) for f in questions + outcomes),
                )
            )
    replied = sum(1 for t in trusts if t.replied)
    return Summary(
        method=stats.INTERVAL_METHOD,
        asked_source=population.asked_source,
        asked_note=population.asked_note,
        asked=len(trusts),
        replied=replied,
        no_reply=len(trusts) - replied,
        needs_review=sum(s.needs_review for s in question_stats + outcome_stats),
        notes=population.notes,
        questions=question_stats,
        outcomes=outcome_stats,
        by=by,
        groups=tuple(groups),
    )


def build_summary(layout: Layout, codebook: Codebook | None = None, by: str = "") -> Summary:
    """Load the processed folder and compute every figure (what ``foi-audit summary`` shows).

    ``codebook`` defaults to the one the data were coded with (recorded by ingest).
    """
    if by:
        _group_key(by)  # fail before reading anything
    codebook = codebook or load_study_codebook(layout)
    return compute_summary(load_population(layout, codebook), codebook, by)


def summary_dict(summary: Summary) -> dict[str, Any]:
    """JSON-ready form of the summary (``foi-audit summary --json`` prints exactly this)."""
    return asdict(summary)


# ---------------------------------------------------------------- explain


def parse_spec(
    spec: str, codebook: Codebook, population: Population | None = None
) -> tuple[Field, str]:
    """``"FIELD=VALUE"`` -> (the field, "VALUE"); checks both exist."""
    name, _, value = (part.strip() for part in spec.partition("="))
    if name == TIMELINESS_COLUMN and population is not None and population.has_timeliness:
        f = _timeliness_field(population)
    else:
        f = codebook.field(name)
    if value:
        allowed = _allowed_values(f)
        if value not in allowed:
            raise InputError(
                f"{value!r} is not a value of {f.name}: choose one of " + ", ".join(allowed)
            )
    return f, value


def _allowed_values(f: Field) -> list[str]:
    if f.kind is FieldKind.TEXT:
        return [GIVEN]
    return list(f.values) + ([NONE_CITED] if f.role is FieldRole.EXEMPTIONS else [])


def explain(layout: Layout, spec: str, codebook: Codebook | None = None) -> Explanation:
    """The trusts behind a figure: exactly those counted, each with its quote and source.

    ``FIELD=VALUE`` lists the trusts counted as having VALUE; ``FIELD`` lists every trust in
    the field's base with what it answered (blank = no answer). ``codebook`` defaults to the
    one the data were coded with.
    """
    codebook = codebook or load_study_codebook(layout)
    population = load_population(layout, codebook)
    f, value = parse_spec(spec, codebook, population)
    counted = _count(f, population.trusts, codebook)
    chain_text = counted.chain.text()
    chosen = [
        (trust, answer, coded)
        for trust, answer, coded in counted.answers
        if not value or _has(f, answer, value)
    ]
    rows = [_explain_row(trust, answer, coded) for trust, answer, coded in chosen]
    headline = ""
    if value:
        having = [coded for _, _, coded in chosen]
        headline = _value_stat(f, value, counted.chain, having, codebook).headline
    return Explanation(f.name, value, headline, chain_text, tuple(rows))


def _explain_row(trust: TrustRecord, answer: str, coded: CodedValue | None) -> ExplainRow:
    source = ""
    if coded is not None:
        source = " > ".join(part for part in (coded.source, coded.locator) if part)
    overridden = coded is not None and coded.decision is not None
    return ExplainRow(
        trust_code=trust.code,
        trust_name=trust.name,
        value=answer,
        quote=coded.quote if coded else "",
        source=source,
        needs_review=bool(coded and coded.needs_review),
        overridden=overridden,
    )


def explanation_dict(explanation: Explanation) -> dict[str, Any]:
    return asdict(explanation)


def flatten_values(fields: Iterable[FieldStat]) -> list[tuple[FieldStat, ValueStat]]:
    """(field, value) pairs in report order: what tables and charts iterate over."""
    return [(fs, vs) for fs in fields for vs in fs.values]
