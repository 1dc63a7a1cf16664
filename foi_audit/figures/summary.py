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
from foi_audit.dataset.codes import needing_review, read_codes
from foi_audit.dataset.documents import read_documents
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import apply_overrides, changed_auto_values, load_overrides
from foi_audit.dataset.study import load_study_codebook
from foi_audit.dataset.trusts import read_trusts
from foi_audit.errors import CodebookError, InputError
from foi_audit.figures import stats
from foi_audit.figures.presentation import (
    first_question,
    is_question,
    principal_answers,
    section_label,
    sections_always_counted,
)
from foi_audit.records import CodedValue
from foi_audit.register.trusts import Register, load_register
from foi_audit.requests.asked import asked_notes, load_asked
from foi_audit.requests.timeliness import TIMELINESS_COLUMN, Timeliness
from foi_audit.wording import count as count_of
from foi_audit.wording import rounded, verb

NONE_CITED = "(none)"  # exemptions field: replied and cited no exemption
GIVEN = "given"  # text fields: the value was given
UNKNOWN_GROUP = "(unknown)"
BY_CHOICES = ("region", "trust_type")
SEND_DATE_COLUMN = "date_sent"
NO_SEND_DATES = (
    "Timeliness cannot be judged: there are no send dates. List who was asked and when in "
    "{asked} (trust_code,date_sent; `foi-audit asked --all-open-trusts --date "
    "YYYY-MM-DD` writes one), then run `foi-audit ingest` again."
)
NO_TIMELINESS = (
    "Timeliness cannot be judged: no reply has both a send date and a reply date (see "
    "date_note in trusts.csv)."
)

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
    timeliness_note: str = ""  # why timeliness is not counted, when it is not
    review: Any = None  # dataset.codes.ReviewState: the values that need review
    files: int = 0  # input files (documents.csv rows that are not attachments)
    files_unmatched: int = 0
    files_out_of_scope: int = 0  # from bodies that are not English NHS trusts: not counted
    files_skipped: int = 0  # not replies (a coding sheet)
    files_not_read: int = 0


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
    bounds_text: str  # best and worst case in words; blank when everyone answered


@dataclass(frozen=True)
class FieldStat:
    field: str
    label: str
    kind: str
    section: str  # "questions" or "outcomes"
    applies_when: str  # "other_field=value" or ""
    chain: Chain
    chain_text: str
    needs_review: int  # of the values counted, those that need review
    values: tuple[ValueStat, ...]
    question: str = ""  # "Q1": the question of the request it answers first


@dataclass(frozen=True)
class HeadlineLine:
    """One question's principal answer: the line a journalist quotes."""

    question: str  # "Q1"
    field: str
    value: str
    label: str  # the field's label
    text: str  # the value's sentence with its base


@dataclass(frozen=True)
class GroupStat:
    group: str
    label: str  # how a reader knows the group ("mental health")
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
    needs_review: int  # values that need review (dataset.codes.ReviewState), counted as coded
    needs_review_trusts: int
    review_text: str  # "22 values in 6 trusts need review"
    files: int  # input files read (0 when documents.csv is not there)
    files_unmatched: int  # files not matched to a trust (documents.csv)
    files_out_of_scope: int  # from bodies that are not English NHS trusts: not counted
    files_skipped: int  # not replies (a coding sheet)
    files_not_read: int  # files that could not be read
    notes: tuple[str, ...]
    headline: tuple[HeadlineLine, ...]
    questions: tuple[FieldStat, ...]
    outcomes: tuple[FieldStat, ...]
    by: str  # "" or region / trust_type
    groups: tuple[GroupStat, ...]


# ---------------------------------------------------------------- loading


def load_population(layout: Layout, codebook: Codebook) -> Population:
    """The asked trusts with their effective codes (overrides applied) and request columns."""
    by_trust: dict[str, dict[str, CodedValue]] = {}
    automatic = read_codes(layout)
    overrides = load_overrides(layout.overrides_csv, codebook)
    effective = apply_overrides(automatic, overrides)
    for coded in effective:
        by_trust.setdefault(coded.trust_code, {})[coded.field] = coded
    review = needing_review(effective, changed_auto_values(automatic, overrides, codebook))
    rows = {r.trust_code: r for r in read_trusts(layout)}
    has_column = any(TIMELINESS_COLUMN in r.request for r in rows.values())
    has_timeliness = any(r.request.get(TIMELINESS_COLUMN) for r in rows.values())
    timeliness_note = ""
    if has_column and not has_timeliness:
        sent = any(r.request.get(SEND_DATE_COLUMN) for r in rows.values())
        timeliness_note = NO_TIMELINESS if sent else NO_SEND_DATES.format(asked=layout.asked_csv)
    documents = read_documents(layout) if layout.documents_csv.exists() else []
    statuses = [d.status for d in documents]
    asked = load_asked(layout.asked_csv)
    notes: list[str] = list(asked_notes(layout.asked_csv))  # an empty file, Excel's encoding
    if asked is None:
        codes = sorted(by_trust)
        replied = sum(1 for c in codes if _replied(by_trust.get(c), codebook))
        missing = "asked.csv is empty" if layout.asked_csv.exists() else "no asked.csv"
        if replied == len(codes):
            note = f"{missing}: counting the {count_of(len(codes), 'trust')} that replied"
        else:
            note = (
                f"{missing}: counting the {count_of(len(codes), 'trust')} that sent "
                f"something ({replied} replied, {len(codes) - replied} only acknowledged)"
            )
        source = "replies"
    else:
        codes = sorted(a.trust_code for a in asked)
        note = f"{count_of(len(codes), 'trust')} listed in {layout.asked_csv.name}"
        source = "asked.csv"
        strays = sorted(set(by_trust) - set(codes))
        if strays:
            notes.append(
                f"{count_of(len(strays), 'trust')} {verb(len(strays), 'has')} coded replies but "
                f"{verb(len(strays), 'is')} not in asked.csv and {verb(len(strays), 'is')} not "
                f"counted: {', '.join(strays)} (add to asked.csv or fix the matching)"
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
    return Population(
        tuple(trusts),
        source,
        note,
        tuple(notes),
        has_timeliness,
        timeliness_note,
        review,
        files=sum(1 for d in documents if not d.parent),
        files_unmatched=sum(1 for d in documents if d.status == "unmatched" and not d.parent),
        files_out_of_scope=sum(1 for d in documents if d.status == "out_of_scope" and not d.parent),
        files_skipped=sum(1 for d in documents if d.status == "skipped" and not d.parent),
        files_not_read=sum(1 for s in statuses if s == "error"),
    )


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


def timeliness_field(population: Population) -> Field:
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


def count_base(f: Field, trusts: Sequence[TrustRecord], codebook: Codebook) -> _Counted:
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
        # the Act's many sections: those some trust cited, and those always counted (the
        # refusals of a whole request), not a line for every other one
        shown = set(sections_always_counted())
        values = [v for v in values if v in seen or v in shown] + [NONE_CITED]
    return values


def has_value(f: Field, answer: str, value: str) -> bool:
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
    if f.role is FieldRole.EXEMPTIONS:
        return section_label(value)
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
        named = section_label(value)
        return f"cited {value}" + (
            f" ({named.removeprefix(value).strip()})" if named != value else ""
        )
    label = dict(f.value_labels).get(value)
    if label:
        return f"have {label}" if label.split(" ", 1)[0].lower() in _NOUN_STARTS else label
    return f"answered “{f.value_label(value)}” ({f.label})"


def _explain_spec(f: Field, value: str) -> str:
    return f"foi-audit explain {f.name}={value}"


def _field_stat(f: Field, trusts: Sequence[TrustRecord], codebook: Codebook) -> FieldStat:
    counted = count_base(f, trusts, codebook)
    chain = counted.chain
    chain_text = chain.text()
    answered = [
        (trust, answer, coded)
        for trust, answer, coded in counted.answers
        if answer or _every_member_answers(f)
    ]
    stats_list = []
    for value in _values_to_report(f, counted):
        having = [coded for _, answer, coded in answered if has_value(f, answer, value)]
        stats_list.append(value_stat(f, value, chain, having, codebook))
    flagged = sum(1 for _, _, coded in answered if coded is not None and coded.needs_review)
    question = first_question(codebook, f) if not _is_timeliness(f) else None
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
        question=f"Q{question.label}" if question and question.label else "",
    )


def value_stat(
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
        figures = f"({stats.percent(proportion)}, 95% CI {stats.interval_text(low, high)})"
        if f.kind is FieldKind.TEXT and chain.base not in ("replied", "all asked"):
            # Said among those it applies to, so a share of 100% does not read as news.
            headline = (
                f"Among the {count_of(n, 'trust')} that {chain.base}, {count} {figures} "
                f"{predicate(f, value, codebook)}. Base: {chain_text}."
            )
        else:
            lead = f"{count} of {count_of(n, 'trust')} {figures}"
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
        bounds_text=bounds_text(unknown, count, best, chain.bound_base) if n else "",
    )


def bounds_text(unknown: int, worst: int, best: int, bound_base: int) -> str:
    """Best and worst case in words: what the figure would be had those who did not answer
    all given this answer, or none of them."""
    if unknown <= 0 or bound_base <= 0:
        return ""

    def share(k: int) -> str:
        return f"{k} of {bound_base} ({stats.percent(k / bound_base)})"

    if unknown == 1:
        return (
            f"If the 1 trust that did not answer had said so, up to {share(best)}; "
            f"if not, {share(worst)}."
        )
    return (
        f"If the {unknown} trusts that did not answer had all said so, up to {share(best)}; "
        f"if none had, {share(worst)}."
    )


def _is_outcome(f: Field) -> bool:
    """About the request as a whole, not one of its questions."""
    return not is_question(f) or _is_timeliness(f)


def _fields(codebook: Codebook, population: Population) -> tuple[list[Field], list[Field]]:
    questions = [f for f in codebook.fields if not _is_outcome(f)]
    outcomes = [f for f in codebook.fields if _is_outcome(f)]
    if population.has_timeliness:
        outcomes.append(timeliness_field(population))
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
                    label=name.replace("_", " "),
                    asked=len(members),
                    replied=sum(1 for t in members if t.replied),
                    fields=tuple(_field_stat(f, members, codebook) for f in questions + outcomes),
                )
            )
    replied = sum(1 for t in trusts if t.replied)
    review = population.review
    return Summary(
        method=stats.INTERVAL_METHOD,
        asked_source=population.asked_source,
        asked_note=population.asked_note,
        asked=len(trusts),
        replied=replied,
        no_reply=len(trusts) - replied,
        needs_review=review.values if review else 0,
        needs_review_trusts=review.trusts if review else 0,
        review_text=review.text() if review else "no value needs review",
        files=population.files,
        files_unmatched=population.files_unmatched,
        files_out_of_scope=population.files_out_of_scope,
        files_skipped=population.files_skipped,
        files_not_read=population.files_not_read,
        notes=population.notes
        + ((population.timeliness_note,) if population.timeliness_note else ()),
        headline=_headline(codebook, question_stats),
        questions=question_stats,
        outcomes=outcome_stats,
        by=by,
        groups=tuple(groups),
    )


def _headline(codebook: Codebook, stats_: Sequence[FieldStat]) -> tuple[HeadlineLine, ...]:
    by_field = {s.field: s for s in stats_}
    lines = []
    for principal in principal_answers(codebook):
        fs = by_field.get(principal.field)
        vs = next((v for v in fs.values if v.value == principal.value), None) if fs else None
        if fs is None or vs is None:
            continue
        lines.append(HeadlineLine(fs.question, fs.field, vs.value, fs.label, vs.headline))
    return tuple(lines)


def build_summary(layout: Layout, codebook: Codebook | None = None, by: str = "") -> Summary:
    """Load the processed folder and compute every figure (what ``foi-audit summary`` shows).

    ``codebook`` defaults to the one the data were coded with (recorded by ingest).
    """
    if by:
        _group_key(by)  # fail before reading anything
    codebook = codebook or load_study_codebook(layout)
    return compute_summary(load_population(layout, codebook), codebook, by)


def check_field(summary: Summary, name: str) -> Summary:
    """``summary`` unchanged when ``name`` is blank or one of its fields; else a clear error."""
    names = [f.field for f in (*summary.questions, *summary.outcomes)]
    if name and name not in names:
        raise InputError(f"--field {name!r} is not a field here: choose one of {', '.join(names)}")
    return summary


def summary_dict(summary: Summary) -> dict[str, Any]:
    """JSON-ready form of the summary (``foi-audit summary --json`` prints exactly this):
    percentages rounded to one decimal, as the text shows them."""
    return dict(rounded(asdict(summary), 1))


def flatten_values(fields: Iterable[FieldStat]) -> list[tuple[FieldStat, ValueStat]]:
    """(field, value) pairs in report order: what tables and charts iterate over."""
    return [(fs, vs) for fs in fields for vs in fs.values]


# ---------------------------------------------------------------- for other figures


def counted_answers(
    f: Field, population: Population, codebook: Codebook
) -> tuple[tuple[TrustRecord, str, CodedValue | None], ...]:
    """The trusts in ``f``'s denominator, exactly as the summary counts them, each with its
    answer and coded value (what a comparison of two rounds pairs up)."""
    counted = count_base(f, population.trusts, codebook)
    return tuple(a for a in counted.answers if a[1] or _every_member_answers(f))
