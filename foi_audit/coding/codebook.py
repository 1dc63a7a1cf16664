"""Codebooks: the study (its questions, fields, values and decision rules) as typed, validated data.

A study is a TOML codebook (the built-in one is ``codebook.toml`` beside this module); the
generic grammar of FOI replies (greetings, quoted requests, negations, names and job titles) is
``grammar.toml``, shared by every study. Both are parsed here into frozen records; an unknown or
misspelt key is refused with the file and the key named, so a typo can never silently switch a
rule off. Patterns stay text here: the coding stages compile them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from foi_audit.coding.grammar import (
    READING_KEYS,
    DocumentGrammar,
    Lexicon,
    Likeness,
    PeopleGrammar,
    ReadingGrammar,
    Table,
    did_you_mean,
    document_grammar,
    lexicon_grammar,
    people_grammar,
    read_toml,
    reading_grammar,
)
from foi_audit.coding.text import PATTERN_FLAGS, compile_pattern
from foi_audit.errors import CodebookError
from foi_audit.records import FlagReason

DEFAULT_CODEBOOK = "codebook.toml"
# In a concept's patterns: "an organisation's name, found by its form" (coding/people.py).
BY_FORM = "@organisation"
GRAMMAR = "grammar.toml"


class FieldKind(StrEnum):
    CATEGORICAL = "categorical"  # one of the field's values
    MULTI = "multi"  # a ';'-joined, sorted subset of the values
    TEXT = "text"  # free text as written (a name, a job title, an organisation)


class FieldRole(StrEnum):
    """What a field means to the engine and the figures, beyond its own rules."""

    ANSWER = "answer"  # coded from the answers to its questions (the usual case)
    OUTCOME = "outcome"  # the reply as a whole: answered, refused, no reply ...
    EXEMPTIONS = "exemptions"  # the FOI Act sections the reply relies on


class ExtractKind(StrEnum):
    """What a text field's rules extract, and so how the words caught are cleaned."""

    PERSON = "person"
    JOB_TITLE = "job_title"
    ORGANISATION = "organisation"


class OutcomeRole(StrEnum):
    """The meaning of each value of the outcome field."""

    ANSWERED = "answered"
    PARTLY_ANSWERED = "partly_answered"
    REFUSED = "refused"
    NOT_HELD = "not_held"
    NO_REPLY = "no_reply"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Question:
    id: str
    label: str  # its number in the request ("2a"), lower case, no brackets
    text: str
    parent: str = ""
    cues: tuple[str, ...] = ()  # patterns that recognise the question restated
    topic_cues: tuple[str, ...] = ()  # looser words for prose paragraphs and headings
    elsewhere: tuple[str, ...] = ()  # concepts of another subject of its kind (another training)


@dataclass(frozen=True)
class Rule:
    """One decision rule: when its patterns match a sentence, the field takes ``value``."""

    id: str
    value: str = ""
    any: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    extract: tuple[str, ...] = ()
    only: tuple[str, ...] = ()  # the questions whose answers it reads (all when empty)
    from_field: str = ""  # takes its value from another field's (named -> from the name)
    confidence: float = 0.85
    review: str = ""  # a doubtful reading's flag (true: hedged_answer): value kept, flagged
    review_if: tuple[str, ...] = ()  # evidence that makes the value doubtful
    # Conditions on the answer as read (coding/reading.py); all that are given must hold.
    status: tuple[str, ...] = ()  # answered, not_held, withheld, deferred, refers, not_applicable
    polarity: str = ""  # yes or no: the direct answer's
    modality: tuple[str, ...] = ()  # of a sentence asserting the concepts (current, planned ...)
    asserts: tuple[str, ...] = ()  # concepts said (not negated) in one sentence
    denies: tuple[str, ...] = ()  # concepts negated in that sentence
    without: tuple[str, ...] = ()  # concepts not said in that sentence
    also: tuple[str, ...] = ()  # concepts said somewhere in the answer
    lacks: tuple[str, ...] = ()  # concepts not said anywhere in the answer
    scope: str = "answer"  # answer: any sentence; direct: the direct answer only
    by_form: bool = (
        False  # a text field's value taken by its form (person, job title, organisation)
    )


@dataclass(frozen=True)
class Example:
    text: str
    value: str


@dataclass(frozen=True)
class Field:
    name: str
    kind: FieldKind = FieldKind.CATEGORICAL
    label: str = ""  # short human label ("Dedicated sexual-safety policy")
    short_label: str = ""  # a narrow column heading ("Policy"); the label when blank
    principal: str = ""  # the answer a headline leads with ("dedicated"); none when blank
    definition: str = ""
    values: tuple[str, ...] = ()
    value_labels: tuple[tuple[str, str], ...] = ()  # (value, plain-English label)
    applies_when: tuple[str, str] | None = None  # (field, value): counted only among these
    role: FieldRole = FieldRole.ANSWER
    extract: ExtractKind | None = None
    questions: tuple[str, ...] = ()  # the questions whose answers it reads, in order
    negative: tuple[str, ...] = ()  # values that say the thing is absent ("no", "none")
    blank_when: tuple[tuple[str, str], ...] = ()  # blank by rule when another field has a value
    silent_blank: bool = False  # blank without review when no text touches its question
    decision: str = ""
    rules: tuple[Rule, ...] = ()
    examples: tuple[Example, ...] = ()

    def allows(self, value: str) -> bool:
        if not value or self.kind is FieldKind.TEXT:
            return True
        if self.kind is FieldKind.MULTI:
            return all(part in self.values for part in value.split(";"))
        return value in self.values

    def value_label(self, value: str) -> str:
        return dict(self.value_labels).get(value, value.replace("_", " "))

    def normalise(self, value: str) -> str:
        """The one canonical form of a value, used wherever values are compared: categorical
        values lower case, several sections sorted and ';'-joined, text with its spacing
        folded (case is kept: names are compared with :func:`same_value`)."""
        value = " ".join((value or "").split())
        if self.kind is FieldKind.TEXT:
            return value
        if self.kind is FieldKind.MULTI:
            parts = {p.strip().lower() for p in value.replace(",", ";").split(";") if p.strip()}
            return ";".join(sorted(parts, key=_section_key))
        return value.lower()

    def same_value(self, a: str, b: str) -> bool:
        """Whether two values say the same (text: but for case, a leading title, a last stop)."""
        if self.kind is FieldKind.TEXT:
            return (
                _without_title(self.normalise(a).rstrip(".")).lower()
                == _without_title(self.normalise(b).rstrip(".")).lower()
            )
        return self.normalise(a) == self.normalise(b)


@dataclass(frozen=True)
class Outcome:
    """How the outcome field is decided and what its values mean."""

    field: str = ""
    exemptions_field: str = ""
    values: tuple[tuple[OutcomeRole, str], ...] = ()  # role -> the field's value for it
    refusal: tuple[str, ...] = ()
    refusal_in_full: tuple[str, ...] = ()  # the whole request refused, whatever else it says
    not_held: tuple[str, ...] = ()
    answer_not_held: tuple[str, ...] = ()
    non_withholding: tuple[str, ...] = ()  # exemptions that withhold nothing (s21)
    required_fields: tuple[str, ...] = ()
    not_held_values: tuple[tuple[str, str], ...] = ()  # field -> its value in a not-held reply

    def value(self, role: OutcomeRole) -> str:
        return dict(self.values).get(role, "")


@dataclass(frozen=True)
class Codebook:
    name: str
    description: str
    fields: tuple[Field, ...]
    source: str  # the file it was loaded from
    sha256: str = ""  # of the codebook file's bytes: recorded with every run
    questions: tuple[Question, ...] = ()
    outcome: Outcome = Outcome()
    document: DocumentGrammar = DocumentGrammar()
    lexicon: Lexicon = Lexicon()
    reading: ReadingGrammar = ReadingGrammar()
    people: PeopleGrammar = PeopleGrammar()
    likeness: Likeness = Likeness()
    concepts: tuple[tuple[str, tuple[str, ...]], ...] = ()  # name -> patterns (the study's words)
    # the questions the request as sent had, beyond the study's (0: as many as the top label)
    request_questions: int = 0

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise CodebookError(
            f"{name!r} is not a field of codebook {self.name!r}: choose one of "
            + ", ".join(self.field_names)
        )

    def has_field(self, name: str) -> bool:
        return name in self.field_names

    def field_with_role(self, role: FieldRole) -> Field | None:
        return next((f for f in self.fields if f.role is role), None)

    @property
    def outcome_field(self) -> Field | None:
        return self.field_with_role(FieldRole.OUTCOME)

    @property
    def exemptions_field(self) -> Field | None:
        return self.field_with_role(FieldRole.EXEMPTIONS)

    @property
    def no_reply_value(self) -> str:
        """The outcome value of a trust that sent nothing (or only an acknowledgement)."""
        return self.outcome.value(OutcomeRole.NO_REPLY)

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)


# --------------------------------------------------------------------------- loading


def default_codebook_path() -> Path:
    return _packaged(DEFAULT_CODEBOOK)


def grammar_path() -> Path:
    return _packaged(GRAMMAR)


def _packaged(name: str) -> Path:
    return Path(str(resources.files("foi_audit.coding").joinpath(name)))


def load_codebook(path: Path | None = None, *, check_patterns: bool = True) -> Codebook:
    """Load and validate a codebook; ``None`` means the built-in one for the study.

    ``check_patterns=False`` skips compiling every regular expression (a third of a second):
    for commands that read data an ingest coded with this very file, which checked them."""
    path = path or default_codebook_path()
    data, digest = read_toml(path, "codebook")
    grammar, _ = read_toml(grammar_path(), "grammar")
    return parse_codebook(
        data, str(path), grammar=grammar, sha256=digest, check_patterns=check_patterns
    )


_TOP_KEYS = (
    "name", "description", "request_questions", "document", "outcome", "questions", "fields",
    "patterns", "concepts", "reading", "people", "likeness",
)  # fmt: skip
_GRAMMAR_KEYS = ("document", "outcome", "patterns", "reading", "people", "likeness")
_STATUSES = ("answered", "not_held", "withheld", "deferred", "refers", "not_applicable", "silent")
_MODALITIES = ("current", "developing", "planned", "hypothetical", "ceased")
_OUTCOME_KEYS = (
    "field", "exemptions_field", "values", "refusal", "refusal_in_full", "not_held",
    "answer_not_held",
    "non_withholding", "required_fields", "not_held_values",
)  # fmt: skip
_QUESTION_KEYS = ("id", "label", "text", "parent", "cues", "topic_cues", "elsewhere")
_FIELD_KEYS = (
    "name", "kind", "label", "short_label", "principal", "definition", "values", "value_labels",
    "applies_when", "role", "extract", "questions", "negative", "blank_when", "silent_blank",
    "decision", "rules", "examples",
)  # fmt: skip
_RULE_KEYS = (
    "id", "value", "any", "all", "unless", "extract", "only", "from_field", "confidence",
    "review", "review_if", "status", "polarity", "modality", "asserts", "denies", "lacks", "scope",
    "by_form", "without", "also",
)  # fmt: skip


def parse_codebook(
    data: dict[str, Any],
    source: str,
    grammar: dict[str, Any] | None = None,
    sha256: str = "",
    check_patterns: bool = True,
) -> Codebook:
    """A codebook from parsed TOML, merged with the generic grammar (lists are extended,
    single patterns replaced by the codebook's)."""
    top = Table(data, source, _TOP_KEYS)
    if grammar is None:
        grammar, _ = read_toml(grammar_path(), "grammar")
    grammar_top = Table(grammar, "grammar.toml", _GRAMMAR_KEYS)
    lexicon = lexicon_grammar(grammar_top, top, source)
    questions = _questions(top, source)
    fields = _fields(top, source, {q.id for q in questions})
    document = document_grammar(grammar_top, top, source)
    outcome = _outcome(grammar_top, top, source, fields)
    reading = reading_grammar(grammar_top, top, source)
    people = people_grammar(grammar_top, top, source)
    likeness = Likeness(
        stopwords=Table(
            grammar_top.data.get("likeness", {}), "grammar.toml [likeness]", ("stopwords",)
        ).texts("stopwords")
        + Table(top.data.get("likeness", {}), f"{source}: [likeness]", ("stopwords",)).texts(
            "stopwords"
        )
    )
    concepts = _concepts(top, source)
    _check_rule_concepts(fields, questions, {name for name, _ in concepts}, source)
    codebook = Codebook(
        name=top.text("name") or Path(source).stem,
        description=top.text("description"),
        fields=fields,
        source=source,
        sha256=sha256,
        questions=questions,
        outcome=outcome,
        document=document,
        lexicon=lexicon,
        reading=reading,
        people=people,
        likeness=likeness,
        concepts=concepts,
        request_questions=_request_questions(top, questions, source),
    )
    if check_patterns:
        _check_patterns(codebook)  # a bad regular expression fails here, with its rule named
    return codebook


def _check_patterns(codebook: Codebook) -> None:
    pieces = dict(codebook.lexicon.pieces)

    def check(patterns: Sequence[str], where: str, flags: int = PATTERN_FLAGS) -> None:
        for pattern in patterns:
            try:
                compile_pattern(expand_pieces(pattern, pieces), flags)
            except re.error as exc:
                raise CodebookError(
                    f"{where}: bad pattern {pattern!r} ({exc}); fix the regular expression"
                ) from exc

    for question in codebook.questions:
        check((*question.cues, *question.topic_cues), f"question {question.id}")
    for f in codebook.fields:
        for rule in f.rules:
            check((*rule.any, *rule.all, *rule.unless), rule.id)
            check((*rule.extract, *rule.review_if), rule.id, re.MULTILINE)
    for key in DocumentGrammar.__dataclass_fields__:
        value = getattr(codebook.document, key)
        if isinstance(value, str):
            check((value,) if value else (), f"[document].{key}")
        elif key != "attachment_evidence" and value:
            check(value, f"[document].{key}")
    for key in ("refusal", "refusal_in_full", "not_held", "answer_not_held"):
        check(getattr(codebook.outcome, key), f"[outcome].{key}")
    for key in READING_KEYS:
        check(getattr(codebook.reading, key), f"[reading].{key}")
    for name, patterns in codebook.concepts:
        check([p for p in patterns if p != BY_FORM], f"concept {name}")
    check((*codebook.people.withheld, *codebook.people.provider_intro), "[people]")


def expand_pieces(pattern: str, pieces: Mapping[str, str]) -> str:
    """A pattern with its shared pieces ({person}, {role}, {org}) written out."""
    for key, value in pieces.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


def _request_questions(top: Table, questions: Sequence[Question], source: str) -> int:
    """``request_questions``: a whole number, at least the highest label of a question."""
    value = top.data.get("request_questions", 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise CodebookError(
            f"{source}: request_questions must be a whole number of questions (0 to 100), "
            f"not {value!r}"
        )
    labels = [int(m[0]) for q in questions if (m := re.match(r"\d+", q.label))]
    if value and labels and value < max(labels):
        raise CodebookError(
            f"{source}: request_questions is {value}, but a question is labelled {max(labels)}: "
            "it counts every numbered question of the request as sent"
        )
    return value


def _questions(top: Table, source: str) -> tuple[Question, ...]:
    questions = []
    seen: set[str] = set()
    for index, item in enumerate(top.tables("questions"), start=1):
        table = Table(item, f"{source}: [[questions]] {index}", _QUESTION_KEYS)
        qid = table.text("id") or f"q{index}"
        if qid in seen:
            raise CodebookError(f"{source}: question {qid!r} is defined twice")
        seen.add(qid)
        questions.append(
            Question(
                id=qid,
                label=table.text("label").lower().replace("(", "").replace(")", ""),
                text=table.text("text"),
                parent=table.text("parent"),
                cues=table.texts("cues"),
                topic_cues=table.texts("topic_cues"),
                elsewhere=table.texts("elsewhere"),
            )
        )
    for question in questions:
        if question.parent and question.parent not in seen:
            raise CodebookError(
                f"{source}: question {question.id!r} has unknown parent {question.parent!r}"
            )
    return tuple(questions)


def _fields(top: Table, source: str, question_ids: set[str]) -> tuple[Field, ...]:
    items = top.tables("fields")
    if not items:
        raise CodebookError(f"{source}: needs at least one [[fields]] table")
    fields: list[Field] = []
    names: set[str] = set()
    for index, item in enumerate(items, start=1):
        name = item.get("name") if isinstance(item, Mapping) else None
        if not name or not isinstance(name, str):
            raise CodebookError(f"{source}: field {index} has no name")
        where = f"{source}: field {name!r}"
        table = Table(item, where, _FIELD_KEYS)
        if name in names:
            raise CodebookError(f"{source}: field {name!r} is defined twice")
        names.add(name)
        kind = _choice(FieldKind, table.text("kind", "categorical"), where, "kind")
        values = table.texts("values")
        if kind is not FieldKind.TEXT and not values:
            raise CodebookError(f"{where} needs its allowed values")
        for qid in table.texts("questions"):
            if qid not in question_ids:
                raise CodebookError(f"{where} reads unknown question {qid!r}")
        extract_text = table.text("extract")
        field = Field(
            name=name,
            kind=kind,
            label=table.text("label") or name.replace("_", " "),
            short_label=table.text("short_label"),
            principal=table.text("principal"),
            definition=table.text("definition"),
            values=values,
            value_labels=tuple(table.mapping("value_labels").items()),
            applies_when=_condition(table.text("applies_when"), where, "applies_when"),
            role=_choice(FieldRole, table.text("role", "answer"), where, "role"),
            extract=_choice(ExtractKind, extract_text, where, "extract") if extract_text else None,
            questions=table.texts("questions"),
            negative=table.texts("negative"),
            blank_when=tuple(
                c
                for text in table.texts("blank_when")
                if (c := _condition(text, where, "blank_when"))
            ),
            silent_blank=table.flag("silent_blank"),
            decision=table.text("decision"),
            rules=_rules(table, name),
            examples=tuple(
                Example(e.text("text"), e.text("value"))
                for e in (
                    Table(x, f"{where} example {n}", ("text", "value"))
                    for n, x in enumerate(table.tables("examples"), start=1)
                )
            ),
        )
        for value in (*field.negative, *(r.value for r in field.rules if r.value), field.principal):
            if not field.allows(value):
                raise CodebookError(f"{where}: value {value!r} is not one of its values")
        if field.kind is FieldKind.TEXT and field.rules and field.extract is None:
            raise CodebookError(
                f"{where}: a text field with rules needs extract = person, job_title or organisation"
            )
        fields.append(field)
    for field in fields:
        conditions = [field.applies_when] if field.applies_when else []
        for other, _ in (*conditions, *field.blank_when):
            if other not in names:
                raise CodebookError(f"{source}: field {field.name!r} names unknown field {other!r}")
        for rule in field.rules:
            if rule.from_field and rule.from_field not in names:
                raise CodebookError(
                    f"{source}: rule {rule.id} takes unknown field {rule.from_field!r}"
                )
    for role in (FieldRole.OUTCOME, FieldRole.EXEMPTIONS):
        having = [f.name for f in fields if f.role is role]
        if len(having) > 1:
            raise CodebookError(f"{source}: only one field may have role {role}: {having}")
    return tuple(fields)


def _rules(field_table: Table, field_name: str) -> tuple[Rule, ...]:
    rules = []
    for number, item in enumerate(field_table.tables("rules"), start=1):
        table = Table(item, f"{field_table.where} rule {number}", _RULE_KEYS)
        rules.append(
            Rule(
                id=table.text("id") or f"{field_name}.{number}",
                value=table.text("value"),
                any=table.texts("any"),
                all=table.texts("all"),
                unless=table.texts("unless"),
                extract=table.texts("extract"),
                only=table.texts("only"),
                from_field=table.text("from_field"),
                confidence=table.number("confidence", 0.85),
                review=table.reason("review", FlagReason.HEDGED_ANSWER),
                review_if=table.texts("review_if"),
                status=_among(table.texts("status"), _STATUSES, table.where, "status"),
                polarity=_among(
                    (table.text("polarity"),), ("", "yes", "no"), table.where, "polarity"
                )[0],
                modality=_among(table.texts("modality"), _MODALITIES, table.where, "modality"),
                asserts=table.texts("asserts"),
                denies=table.texts("denies"),
                lacks=table.texts("lacks"),
                without=table.texts("without"),
                also=table.texts("also"),
                by_form=table.flag("by_form"),
                scope=_among(
                    (table.text("scope", "answer"),), ("answer", "direct"), table.where, "scope"
                )[0],
            )
        )
    return tuple(rules)


def _among(
    values: tuple[str, ...], allowed: Sequence[str], where: str, key: str
) -> tuple[str, ...]:
    for value in values:
        if value not in allowed:
            raise CodebookError(
                f"{where}: {key} {value!r} is not one of " + ", ".join(a for a in allowed if a)
            )
    return values


def _concepts(top: Table, source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = top.data.get("concepts", {})
    if not isinstance(table, Mapping):
        raise CodebookError(f"{source}: [concepts] must be a table of name = [patterns]")
    found = []
    for name, value in table.items():
        patterns = (value,) if isinstance(value, str) else value
        if not isinstance(patterns, list | tuple) or not all(isinstance(v, str) for v in patterns):
            raise CodebookError(f"{source}: [concepts] {name} must be a list of patterns")
        found.append((str(name), tuple(patterns)))
    return tuple(found)


def _check_rule_concepts(
    fields: Sequence[Field], questions: Sequence[Question], known: set[str], source: str
) -> None:
    named = [(f"question {q.id}", name) for q in questions for name in q.elsewhere]
    for rule in (rule for f in fields for rule in f.rules):
        named += [(f"rule {rule.id}", n) for n in (*rule.asserts, *rule.denies, *rule.lacks)]
        named += [(f"rule {rule.id}", n) for n in (*rule.without, *rule.also)]
    for where, name in named:
        if name not in known:
            hint = did_you_mean(name, sorted(known))
            raise CodebookError(f"{source}: {where} names unknown concept {name!r}{hint}")


def _outcome(grammar: Table, top: Table, source: str, fields: tuple[Field, ...]) -> Outcome:
    base = Table(grammar.data.get("outcome", {}), "grammar.toml [outcome]", _OUTCOME_KEYS)
    own = Table(top.data.get("outcome", {}), f"{source}: [outcome]", _OUTCOME_KEYS)
    names = {f.name for f in fields}
    outcome_field = next((f for f in fields if f.role is FieldRole.OUTCOME), None)
    exemptions = next((f for f in fields if f.role is FieldRole.EXEMPTIONS), None)
    values = []
    for role_text, value in own.mapping("values").items():
        role = _choice(OutcomeRole, role_text, f"{source}: [outcome] values", "role")
        if outcome_field is not None and not outcome_field.allows(value):
            raise CodebookError(
                f"{source}: [outcome] values: {value!r} is not a value of {outcome_field.name!r}"
            )
        values.append((role, value))
    for name in (*own.texts("required_fields"), *own.mapping("not_held_values")):
        if name not in names:
            raise CodebookError(f"{source}: [outcome] names unknown field {name!r}")
    return Outcome(
        field=outcome_field.name if outcome_field else "",
        exemptions_field=exemptions.name if exemptions else "",
        values=tuple(values),
        refusal=base.texts("refusal") + own.texts("refusal"),
        refusal_in_full=base.texts("refusal_in_full") + own.texts("refusal_in_full"),
        not_held=base.texts("not_held") + own.texts("not_held"),
        answer_not_held=base.texts("answer_not_held") + own.texts("answer_not_held"),
        non_withholding=base.texts("non_withholding") + own.texts("non_withholding"),
        required_fields=own.texts("required_fields"),
        not_held_values=tuple(own.mapping("not_held_values").items()),
    )


_E = TypeVar("_E", bound=StrEnum)


def _choice(enum: type[_E], text: str, where: str, key: str) -> _E:
    try:
        return enum(text)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise CodebookError(f"{where}: {key} {text!r} is not one of {allowed}") from None


def _condition(text: str, where: str, key: str) -> tuple[str, str] | None:
    if not text:
        return None
    if "=" not in text:
        raise CodebookError(f"{where}: {key} must look like 'other_field=value'")
    other, value = (part.strip() for part in text.split("=", 1))
    return (other, value)


def _section_key(part: str) -> tuple[int, str]:
    digits = "".join(ch for ch in part if ch.isdigit())[:9]  # a 5,000-digit run is no section
    return (int(digits) if digits else 10_000, part)


_LEADING = ("dr", "professor", "prof", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "the")


def _without_title(text: str) -> str:
    """``text`` without a name's honorific or a company's article ("The"): no other value."""
    words = text.split()
    while words and words[0].lower().rstrip(".") in _LEADING:
        words = words[1:]
    return " ".join(words)


def codebook_summary(codebook: Codebook) -> dict[str, Any]:
    """The codebook as plain data (for ``foi-audit codebook`` and its ``--json``)."""
    return {
        "name": codebook.name,
        "description": codebook.description,
        "source": codebook.source,
        "sha256": codebook.sha256,
        "questions": [
            {"id": q.id, "label": q.label, "text": q.text, "parent": q.parent}
            for q in codebook.questions
        ],
        "fields": [
            {
                "name": f.name,
                "kind": str(f.kind),
                "label": f.label,
                "definition": f.definition,
                "role": str(f.role),
                "values": list(f.values),
                "value_labels": dict(f.value_labels),
                "applies_when": "=".join(f.applies_when) if f.applies_when else "",
                "questions": list(f.questions),
                "decision": f.decision,
                "rules": [
                    {
                        "id": r.id,
                        "value": r.value,
                        "only": list(r.only),
                        "any": list(r.any),
                        "all": list(r.all),
                        "unless": list(r.unless),
                        "extract": list(r.extract),
                        "from_field": r.from_field,
                    }
                    for r in f.rules
                ],
                "examples": [{"text": e.text, "value": e.value} for e in f.examples],
            }
            for f in codebook.fields
        ],
    }
