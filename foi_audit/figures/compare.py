"""Two rounds of the same request compared: what changed, by how much, and who changed.

Each round is a study folder (``raw/``, ``processed/``, ``overrides.csv``) or a processed folder,
ingested as usual. Each round is read exactly as ``foi-audit summary`` reads it — its own
asked.csv, its own review decisions (effective codes), the codebook it was coded with — and its
figures *are* the summary's (:func:`summary.compute_summary`): same counts, same denominators,
same Wilson intervals. On top of them, for each field and value:

- the difference second − first in percentage points with Newcombe's hybrid score interval and a
  phrase ("up 25.5 points", "no clear change" when the interval includes 0);
- among the trusts that answered the question in both rounds (the trusts counted in both
  denominators), how many gained the answer and how many lost it, with the exact McNemar test.
  Trusts that answered in one round only are counted as such, never dropped silently;
- the trusts in one round only, each with the reason the trust register gives (:mod:`roster`).

Only the principal answer of each field (:func:`principal.principal_value`) unless ``detail``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from foi_audit.coding.codebook import Codebook, Field, FieldKind
from foi_audit.dataset.layout import Layout, read_manifest
from foi_audit.dataset.study import MANIFEST_KEY, StudyCodebook, study_codebook
from foi_audit.dataset.study_folder import STUDY_FILE, load_study
from foi_audit.errors import CodebookError, InputError
from foi_audit.figures import change_stats, stats
from foi_audit.figures import summary as report
from foi_audit.figures.explain import ExplainRow, explain_row, parse_spec
from foi_audit.figures.principal import principal_value
from foi_audit.figures.roster import (
    OneRoundTrust,
    RoundRoster,
    one_round_trusts,
)
from foi_audit.records import CodedValue
from foi_audit.register.successions import Succession
from foi_audit.register.trusts import Register, load_register
from foi_audit.requests.asked import load_asked
from foi_audit.requests.dates import read_dates

GAINED = "gained"
LOST = "lost"
_REPLY = "reply"  # dates.csv role of a trust's reply (not its acknowledgement)
_ALL_ASKED = "all asked"  # summary's Chain.base of an outcome (counted among every asked trust)

# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class RoundInfo:
    name: str
    folder: str  # the processed folder read
    date: str  # the first date_sent in asked.csv, else the first reply date found; or ""
    asked_source: str  # "asked.csv" or "replies"
    asked_note: str
    asked: int
    replied: int
    codebook: str  # "name (sha256 first 12)"


@dataclass(frozen=True)
class RoundFigure:
    """One round's figure for a value, as ``foi-audit summary`` gives it."""

    count: int
    denominator: int
    percent: float | None
    ci_low: float | None
    ci_high: float | None
    chain_text: str
    text: str  # "20 of 207 (9.7%)"


@dataclass(frozen=True)
class Paired:
    """The trusts that answered in both rounds, and how many changed each way."""

    both: int  # answered in both rounds
    kept: int  # gave this answer in both
    neither: int  # in neither
    gained: int  # not in the first round, in the second
    lost: int  # in the first round, not in the second
    p_value: float | None  # exact McNemar; None when no trust answered in both
    first_only: int  # answered in the first round and not in the second (any reason)
    second_only: int
    text: str  # "Among the 199 trusts that answered both: 53 gained it, 2 lost it (...)."
    not_paired: str  # "Not paired: 8 answered in round-2022 only, 3 in round-2024 only." or ""


@dataclass(frozen=True)
class ValueChange:
    value: str
    label: str
    title: str  # "Dedicated sexual-safety policy": what the headline starts with
    principal: bool
    first: RoundFigure
    second: RoundFigure
    difference: float | None  # percentage points, second − first; None when a base is empty
    ci_low: float | None  # percentage points
    ci_high: float | None
    phrase: str  # "up 25.5 points", "no clear change", or why there is no comparison
    paired: Paired
    headline: str
    changed: str  # the option that lists the trusts that changed


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    kind: str
    section: str  # "questions" or "outcomes"
    principal: str
    chain_first: str
    chain_second: str
    values: tuple[ValueChange, ...]  # the principal answer only, unless detail


@dataclass(frozen=True)
class ChangedTrust:
    trust_code: str
    trust_name: str
    direction: str  # "gained" or "lost"
    first: ExplainRow  # what it answered in the first round, quote and source
    second: ExplainRow
    first_review: str  # the reviewer's decision behind the first round's value, or ""
    second_review: str


@dataclass(frozen=True)
class ChangedList:
    field: str
    value: str
    headline: str
    trusts: tuple[ChangedTrust, ...]  # gained first, then lost; each by code


@dataclass(frozen=True)
class Comparison:
    method: str  # each round's intervals
    difference_method: str
    paired_method: str
    first: RoundInfo
    second: RoundInfo
    in_both: int  # trusts counted in both rounds
    replied_both: int
    only_first: tuple[OneRoundTrust, ...]
    only_second: tuple[OneRoundTrust, ...]
    replied_once: tuple[OneRoundTrust, ...]  # counted in both rounds, replied to one
    notes: tuple[str, ...]
    questions: tuple[FieldChange, ...]
    outcomes: tuple[FieldChange, ...]
    detail: bool
    changed: ChangedList | None


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class LoadedRound:
    """A round read as the summary reads it: what the comparison and its tables start from."""

    name: str
    layout: Layout
    codebook: Codebook
    population: report.Population
    summary: report.Summary
    date: str
    warnings: tuple[str, ...]


def round_layout(folder: Path) -> Layout:
    """A round's data folder: a study folder (with ``foi-audit.toml`` or ``processed/``) or a
    processed folder."""
    if (folder / STUDY_FILE).is_file():
        return load_study(folder).layout()
    if (folder / "processed").is_dir():
        return Layout.around(folder / "processed")
    if (folder / "codes.csv").is_file():
        return Layout.around(folder)
    raise InputError(
        f"{folder} is neither a study folder (with processed/) nor a processed folder (with "
        f"codes.csv): ingest the round first (foi-audit ingest RAW_DIR --out {folder}/processed)"
    )


def round_name(folder: Path) -> str:
    """``round-2022/`` and ``round-2022/processed`` are both "round-2022"."""
    folder = Path(str(folder).rstrip("/\\") or ".").absolute()
    return folder.parent.name if folder.name == "processed" else folder.name


def load_round(
    folder: Path, name: str = "", codebook: Path | None = None, same_as: LoadedRound | None = None
) -> LoadedRound:
    """Read one round: its codebook (recorded by ingest unless given), asked trusts, effective
    codes and summary. ``same_as``: a round already read, whose codebook is reused when this
    round recorded the very same one (parsing a codebook is a good part of the time)."""
    layout = round_layout(folder)
    if (
        same_as is not None
        and not same_as.warnings  # a warning names its own round's manifest
        and _codebook_record(layout, codebook) == _codebook_record(same_as.layout, codebook)
    ):
        found = StudyCodebook(same_as.codebook)
    else:
        found = study_codebook(layout, codebook)
    population = report.load_population(layout, found.codebook)
    asked = load_asked(layout.asked_csv) or []
    dates = sorted(a.date_sent for a in asked if a.date_sent) or sorted(
        d.date for d in read_dates(layout.dates_csv) if d.role == _REPLY and d.date
    )  # no send dates: the first reply is the nearest thing to the round's date
    return LoadedRound(
        name=name or round_name(folder),
        layout=layout,
        codebook=found.codebook,
        population=population,
        summary=report.compute_summary(population, found.codebook),
        date=dates[0] if dates else "",
        warnings=found.warnings,
    )


def load_rounds(
    first: Path, second: Path, names: Sequence[str] = (), codebook: Path | None = None
) -> tuple[LoadedRound, LoadedRound]:
    """Both rounds, named by their folders unless ``names`` gives two names."""
    if names and len(names) != 2:
        raise InputError(f"--names needs two names separated by a comma, got {','.join(names)!r}")
    chosen = [n.strip() for n in names] if names else [round_name(first), round_name(second)]
    if chosen[0] == chosen[1] or not all(chosen):
        raise InputError(
            f"both rounds would be called {chosen[0]!r}: name them, e.g. --names 2022,2024"
        )
    loaded = load_round(first, chosen[0], codebook)
    return loaded, load_round(second, chosen[1], codebook, same_as=loaded)


def _codebook_record(layout: Layout, explicit: Path | None) -> object:
    """What decides a round's codebook: ``--codebook``, else what ingest recorded."""
    if explicit is not None:
        return str(explicit)
    return (read_manifest(layout) or {}).get(MANIFEST_KEY)


# ---------------------------------------------------------------- computing


def compare_rounds(
    first: Path,
    second: Path,
    names: Sequence[str] = (),
    codebook: Path | None = None,
    detail: bool = False,
    changed: str = "",
    successions: Sequence[Succession] | None = None,
) -> Comparison:
    """What ``foi-audit compare FIRST SECOND`` shows (changes are second − first)."""
    loaded = load_rounds(first, second, names, codebook)
    return compare_loaded(*loaded, detail=detail, changed=changed, successions=successions)


def compare_loaded(
    first: LoadedRound,
    second: LoadedRound,
    detail: bool = False,
    changed: str = "",
    successions: Sequence[Succession] | None = None,
    register: Register | None = None,
) -> Comparison:
    """The comparison of two loaded rounds (pure given them, the register and successions)."""
    register = register or load_register()
    if successions is None:
        successions = register.successions
    pairs = _fields_in_both(first, second)
    field_changes = [
        _field_change(first, second, f1, f2, fs1, fs2, detail) for f1, f2, fs1, fs2 in pairs
    ]
    codes_first = {t.code: t for t in first.population.trusts}
    codes_second = {t.code: t for t in second.population.trusts}
    names = {code: (t.name, t.region) for code, t in (codes_second | codes_first).items() if t.name}
    only_first, only_second = one_round_trusts(
        _roster(first), _roster(second), names, register, successions
    )
    both = sorted(set(codes_first) & set(codes_second))
    replied_once = tuple(
        _replied_once(codes_first[code], first, second)
        for code in both
        if codes_first[code].replied != codes_second[code].replied
    )
    return Comparison(
        method=stats.INTERVAL_METHOD,
        difference_method=change_stats.DIFFERENCE_METHOD,
        paired_method=change_stats.PAIRED_METHOD,
        first=_round_info(first),
        second=_round_info(second),
        in_both=len(both),
        replied_both=sum(1 for c in both if codes_first[c].replied and codes_second[c].replied),
        only_first=only_first,
        only_second=only_second,
        replied_once=replied_once,
        notes=_notes(first, second),
        questions=tuple(c for c in field_changes if c.section == "questions"),
        outcomes=tuple(c for c in field_changes if c.section == "outcomes"),
        detail=detail,
        changed=_changed_list(first, second, changed) if changed else None,
    )


def _replied_once(
    trust: report.TrustRecord, first: LoadedRound, second: LoadedRound
) -> OneRoundTrust:
    """A trust counted in both rounds that replied to one only (``trust`` as the first saw it)."""
    replied, silent = (first, second) if trust.replied else (second, first)
    reason = f"asked in both rounds; no reply in {silent.name}"
    return OneRoundTrust(trust.code, trust.name, trust.region, replied.name, silent.name, reason)


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """JSON-ready form (``foi-audit compare --json`` prints exactly this)."""
    return asdict(comparison)


_FieldPair = tuple[Field, Field, report.FieldStat, report.FieldStat]


def _fields_in_both(first: LoadedRound, second: LoadedRound) -> list[_FieldPair]:
    """Fields both rounds report, in the first round's order, each with its two codebook
    entries (a round's own base and values) and its two summary figures."""
    second_stats = {fs.field: fs for fs in (*second.summary.questions, *second.summary.outcomes)}
    pairs = []
    for fs1 in (*first.summary.questions, *first.summary.outcomes):
        fs2 = second_stats.get(fs1.field)
        if fs2 is None:
            continue
        f1, _ = parse_spec(fs1.field, first.codebook, first.population)
        f2, _ = parse_spec(fs2.field, second.codebook, second.population)
        pairs.append((f1, f2, fs1, fs2))
    return pairs


def _field_change(
    first: LoadedRound,
    second: LoadedRound,
    f1: Field,
    f2: Field,
    fs1: report.FieldStat,
    fs2: report.FieldStat,
    detail: bool,
) -> FieldChange:
    values_second = {vs.value: vs for vs in fs2.values}
    shared = [vs.value for vs in fs1.values if vs.value in values_second]
    principal = principal_value(second.codebook, f2, shared)
    answers_first = _answers(f1, first)
    answers_second = _answers(f2, second)
    changes = []
    for vs1 in fs1.values:
        vs2 = values_second.get(vs1.value)
        if vs2 is None or not (detail or vs1.value == principal):
            continue
        paired = _paired(
            f1, f2, vs1.value, answers_first, answers_second, first, second, fs1.chain.base
        )
        changes.append(
            _value_change(fs1, fs2, f2, vs1, vs2, vs1.value == principal, paired, first, second)
        )
    return FieldChange(
        field=fs1.field,
        label=fs2.label,
        kind=str(fs2.kind),
        section=fs1.section,
        principal=principal,
        chain_first=fs1.chain_text,
        chain_second=fs2.chain_text,
        values=tuple(changes),
    )


_Answer = tuple[report.TrustRecord, str, CodedValue | None]


def _answers(f: Field, loaded: LoadedRound) -> dict[str, _Answer]:
    """The trusts in the round's denominator for ``f``, by code (the summary's own count)."""
    counted = report.counted_answers(f, loaded.population, loaded.codebook)
    return {trust.code: (trust, answer, coded) for trust, answer, coded in counted}


def _paired(
    f1: Field,
    f2: Field,
    value: str,
    answers_first: Mapping[str, _Answer],
    answers_second: Mapping[str, _Answer],
    first: LoadedRound,
    second: LoadedRound,
    base: str,
) -> Paired:
    both = sorted(set(answers_first) & set(answers_second))
    counted = base == _ALL_ASKED  # an outcome: every asked trust has one
    kept = neither = gained = lost = 0
    for code in both:
        had = report.has_value(f1, answers_first[code][1], value)
        has = report.has_value(f2, answers_second[code][1], value)
        kept += had and has
        neither += not had and not has
        gained += has and not had
        lost += had and not has
    first_only = len(answers_first) - len(both)
    second_only = len(answers_second) - len(both)
    p_value = change_stats.mcnemar_exact(gained, lost) if both else None
    if both:
        text = (
            f"Among the {len(both)} trusts "
            + ("counted in both rounds" if counted else "that answered both")
            + f": {gained} gained it, {lost} lost it "
            f"(McNemar exact {change_stats.p_text(p_value or 0.0)})."
        )
    else:
        text = "No trust was counted in both rounds." if counted else "No trust answered both."
    not_paired = ""
    if first_only or second_only:
        not_paired = (
            f"Not paired: {first_only} {'counted' if counted else 'answered'} in {first.name} only, "
            f"{second_only} in {second.name} only."
        )
    return Paired(
        len(both), kept, neither, gained, lost, p_value, first_only, second_only, text, not_paired
    )


def _round_figure(vs: report.ValueStat, chain_text: str) -> RoundFigure:
    shown = "" if vs.percent is None else f" ({vs.percent:.1f}%)"
    return RoundFigure(
        count=vs.count,
        denominator=vs.denominator,
        percent=vs.percent,
        ci_low=vs.ci_low,
        ci_high=vs.ci_high,
        chain_text=chain_text,
        text=f"{vs.count} of {vs.denominator}{shown}",
    )


def _value_change(
    fs1: report.FieldStat,
    fs2: report.FieldStat,
    f: Field,
    vs1: report.ValueStat,
    vs2: report.ValueStat,
    principal: bool,
    paired: Paired,
    first: LoadedRound,
    second: LoadedRound,
) -> ValueChange:
    figure_1 = _round_figure(vs1, fs1.chain_text)
    figure_2 = _round_figure(vs2, fs2.chain_text)
    difference = low = high = None
    if vs1.denominator and vs2.denominator:
        d, lo, hi = change_stats.newcombe_difference(
            vs2.count, vs2.denominator, vs1.count, vs1.denominator
        )
        difference, low, high = d * 100, lo * 100, hi * 100
        phrase = change_stats.change_phrase(d, lo, hi)
        interval = f"95% CI {change_stats.points(lo)} to {change_stats.points(hi)}"
        if phrase == change_stats.NO_CLEAR_CHANGE:
            change = f"{phrase} ({change_stats.signed_points(d)} points, {interval})"
        else:
            change = f"{phrase} ({interval})"
    else:
        empty = first.name if not vs1.denominator else second.name
        phrase = change = f"no comparison: no trust answered in {empty}"
    title = _title(fs2.label, f, vs2.value)
    headline = (
        f"{title}: {figure_1.text} in {first.name} → {figure_2.text} in {second.name}, "
        f"{change}. {paired.text}"
    )
    return ValueChange(
        value=vs2.value,
        label=vs2.label,
        title=title,
        principal=principal,
        first=figure_1,
        second=figure_2,
        difference=difference,
        ci_low=low,
        ci_high=high,
        phrase=phrase,
        paired=paired,
        headline=headline,
        changed=f"--changed {f.name}={vs2.value}",
    )


_DROPPED_STARTS = ("have ", "a ", "an ", "the ")  # English: "have a named lead" -> "Named lead"


def _title(field_label: str, f: Field, value: str) -> str:
    """What a headline starts with: the answer as a noun phrase when it has a label."""
    label = report.value_label(f, value)
    has_label = value in dict(f.value_labels) or value == report.NONE_CITED
    if not has_label and f.kind is not FieldKind.TEXT:
        return f"{field_label}: {label}"
    for start in _DROPPED_STARTS:
        if label.lower().startswith(start) and len(label) > len(start):
            label = label[len(start) :]
    return label[:1].upper() + label[1:]


def _roster(loaded: LoadedRound) -> RoundRoster:
    return RoundRoster(
        name=loaded.name,
        date=loaded.date,
        asked_source=loaded.population.asked_source,
        codes=frozenset(t.code for t in loaded.population.trusts),
    )


def _round_info(loaded: LoadedRound) -> RoundInfo:
    return RoundInfo(
        name=loaded.name,
        folder=str(loaded.layout.processed),
        date=loaded.date,
        asked_source=loaded.population.asked_source,
        asked_note=loaded.summary.asked_note,
        asked=loaded.summary.asked,
        replied=loaded.summary.replied,
        codebook=f"{loaded.codebook.name} ({loaded.codebook.sha256[:12]})",
    )


def _notes(first: LoadedRound, second: LoadedRound) -> tuple[str, ...]:
    notes = [f"{r.name}: {w}" for r in (first, second) for w in r.warnings]
    notes += [f"{r.name}: {n}" for r in (first, second) for n in r.population.notes]
    if first.codebook.sha256 != second.codebook.sha256:
        notes.append(
            f"the rounds were coded with different codebooks ({_round_info(first).codebook}, "
            f"{_round_info(second).codebook}): part of a change may come from the coding"
        )
    fields = [
        {fs.field for fs in (*r.summary.questions, *r.summary.outcomes)} for r in (first, second)
    ]
    for loaded, own, other in ((first, fields[0], fields[1]), (second, fields[1], fields[0])):
        if own - other:
            notes.append(f"only {loaded.name} has {', '.join(sorted(own - other))}: not compared")
    return tuple(notes)


def _row(
    loaded: LoadedRound, f: Field, trust: report.TrustRecord, answer: str, coded: CodedValue | None
) -> ExplainRow:
    """One trust of a round as explain shows it: its answer, quote, source and review."""
    pending = set(loaded.population.review.keys) if loaded.population.review else set()
    return explain_row(trust, answer, coded, pending, loaded.codebook, f)


def _changed_list(first: LoadedRound, second: LoadedRound, spec: str) -> ChangedList:
    """The trusts that gained or lost FIELD=VALUE, each with both rounds' quote and source."""
    try:
        f2, value = parse_spec(spec, second.codebook, second.population)
        f1, _ = parse_spec(f2.name, first.codebook, first.population)
    except CodebookError as exc:
        raise InputError(f"--changed {spec!r}: {exc}") from None
    if not value:
        raise InputError(f"--changed {spec!r}: give FIELD=VALUE, e.g. {f2.name}={f2.values[0]}")
    answers_first = _answers(f1, first)
    answers_second = _answers(f2, second)
    trusts = []
    for code in sorted(set(answers_first) & set(answers_second)):
        trust, answer_1, coded_1 = answers_first[code]
        _, answer_2, coded_2 = answers_second[code]
        had = report.has_value(f1, answer_1, value)
        has = report.has_value(f2, answer_2, value)
        if had != has:
            trusts.append(
                ChangedTrust(
                    trust_code=code,
                    trust_name=trust.name,
                    direction=GAINED if has else LOST,
                    first=_row(first, f1, trust, answer_1, coded_1),
                    second=_row(second, f2, answers_second[code][0], answer_2, coded_2),
                    first_review=_review(coded_1),
                    second_review=_review(coded_2),
                )
            )
    trusts.sort(key=lambda t: (t.direction != GAINED, t.trust_code))
    pair = next((p for p in _fields_in_both(first, second) if p[2].field == f2.name), None)
    shown = (
        next(
            (
                v
                for v in _field_change(first, second, *pair, detail=True).values
                if v.value == value
            ),
            None,
        )
        if pair
        else None
    )
    if shown is None:
        raise InputError(f"--changed {spec!r}: {f2.name}={value} is not reported in both rounds")
    return ChangedList(f2.name, value, shown.headline, tuple(trusts))


def _review(coded: CodedValue | None) -> str:
    decision = coded.decision if coded is not None else None
    if decision is None:
        return ""
    machine = f" (automatic value: {decision.machine_value or 'blank'})"
    return f"decided by {decision.reviewer} on {decision.date}: {decision.note}{machine}"
