"""Records passed between stages: frozen dataclasses and enums only, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockRole(StrEnum):
    """Where on the document a block sits; the matcher trusts letterheads more than body text."""

    BODY = "body"
    HEADER = "header"  # page header / letterhead region
    FOOTER = "footer"
    TABLE = "table"
    EMAIL_HEADER = "email_header"  # Subject/From/To/Date lines
    TITLE = "title"  # document title, sheet title rows


@dataclass(frozen=True)
class Block:
    """A piece of text and where it came from (``page 2``, ``Sheet2!B4``, ``paragraph 12``)."""

    text: str
    locator: str
    role: BlockRole = BlockRole.BODY
    unsure: tuple[str, ...] = ()  # OCR words Tesseract was not sure of (low confidence)


@dataclass(frozen=True)
class Attachment:
    """A file found inside another (email attachment, embedded message)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Extraction:
    """What a reader returns for one file."""

    format: str
    blocks: tuple[Block, ...]
    units: int = 0  # pages, sheets or parts
    ocr: bool = False
    attachments: tuple[Attachment, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()  # email headers kept for matching and dates
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def header(self, name: str) -> str:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return ""


# Formats read as sheets: their rows keep empty cells in place
SHEET_FORMATS = frozenset({"csv", "tsv", "xlsx", "xlsm", "xls", "ods"})


class FileStatus(StrEnum):
    OK = "ok"
    DUPLICATE = "duplicate"
    UNMATCHED = "unmatched"
    ERROR = "error"
    OUT_OF_SCOPE = "out_of_scope"  # from a body that is not an NHS trust in England
    SKIPPED = "skipped"  # not a reply (a coding sheet); the message says why


@dataclass(frozen=True)
class Trust:
    code: str
    name: str  # as trusts write it (title case)
    region: str
    trust_type: str  # acute | mental_health | community | ambulance | specialist | ...
    open_date: str  # ISO yyyy-mm-dd
    close_date: str = ""  # ISO or blank while open
    postcode: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """Which trust a file belongs to, how that was decided, and how sure."""

    trust_code: str  # blank when unmatched, ambiguous or out of scope
    # mapping | code_in_name | name_in_path | letterhead | signature | sender_domain | ...
    # | joint | carried | same_reference | ambiguous | out_of_scope | none
    method: str
    score: float  # 0..100
    message: str = ""
    candidates: tuple[str, ...] = ()  # the trusts it may belong to (the match itself first)
    also: tuple[str, ...] = ()  # the other trusts a joint reply answers for
    # Each signal's contribution ("letterhead:RJ6 'Croydon Health Services NHS Trust' +45").
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One input file or attachment after reading and matching."""

    path: str  # relative to the raw folder; attachments as ``mail.eml > answers.pdf``
    sha256: str
    format: str
    units: int
    chars: int
    ocr: bool
    status: FileStatus
    message: str = ""
    match: Match = field(default_factory=lambda: Match("", "none", 0.0))
    blocks: tuple[Block, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    parent: str = ""  # path of the containing file, for attachments
    duplicate_of: str = ""


class FlagReason(StrEnum):
    """Why a value is put in front of a person. Each names one doubt about its own evidence."""

    NO_RULE_MATCHED = "no_rule_matched"  # the answer has text no rule could code
    NO_ANSWER_FOUND = "no_answer_found"  # the reply restates the question; no answer was found
    UNSURE_BLANK = "unsure_blank"  # blank for a question the reply should have answered
    REPLIES_CONFLICT = "replies_conflict"  # two replies of the trust disagree
    HEDGED_ANSWER = "hedged_answer"  # the deciding rule reads hedged or weak wording
    VIA_REFERENCE = "via_reference"  # read through a cross-reference ("see Q2")
    NAME_NOT_READ = "name_not_read"  # a title such as "Dr" beside a role: a name was missed
    OCR_LOW_CONFIDENCE = "ocr_low_confidence"  # OCR was unsure of a word the value rests on
    BASE_UNDECIDED = "base_undecided"  # blank because the field it depends on is undecided
    BASE_IN_DOUBT = "base_in_doubt"  # blank because of a value flagged as one of two readings
    SEVERAL_REQUESTS = "several_requests_on_page"  # a page listing other requests too
    ATTACHMENT_TITLE_ONLY = "attachment_title_only"  # only an attachment's title says so
    OUTCOME_FROM_GAP = "outcome_from_gap"  # partly answered only because an answer was not found
    OUTCOME_UNCLEAR = "outcome_unclear"  # nothing decided the outcome
    NOT_HELD_IN_ONE_ANSWER = "not_held_in_one_answer"  # "not held" said of one question only
    NO_REPLY_TEXT = "no_reply_text"  # the trust's documents hold no readable reply
    ROLE_CONTAINS_NAME = "role_contains_name"  # the job title taken holds a person's name
    TITLE_CUT_SHORT = "title_cut_short"  # the job title read is one word ("Chief"): cut short
    NAME_IN_CAPITALS = "name_in_capitals"  # read from text typed in capitals: form cannot tell
    PROVIDER_IS_THE_TRUST = "provider_is_the_trust"  # the provider read is the trust itself
    QUOTE_IS_QUESTION_TEXT = "quote_is_question_text"  # the evidence is the question's own words
    CONFLICTING_CUES = "conflicting_cues"  # the answer also says something pointing elsewhere
    NOT_CODED = "not_coded"  # coding stopped on this trust's replies (time limit, crash)
    UNMATCHED_FILE_MAY_BELONG = "unmatched_file_may_belong"  # a file not matched may be its
    # a section cited only for another question of a longer request (coders differ on these)
    SECTION_FOR_ANOTHER_QUESTION = "section_for_another_question"
    SHARED_POST = "shared_post"  # the post is held jointly: only the first holder is coded
    SEVERAL_PEOPLE = "several_people"  # four people or more named together: whose post is unclear
    # "not held" to a yes/no question read as no (or none): coders differ, some leave it blank
    NOT_HELD_READ_AS_NO = "not_held_read_as_no"
    # a lead's post vacant read as no lead: coders differ, some record the post (role_only)
    VACANT_POST = "vacant_post"
    # required of one group of staff only ("mandatory for line managers"): coders differ on
    # whether that is mandatory or optional
    SOME_STAFF_ONLY = "some_staff_only"
    # a section named only in a note on what was redacted ("staff names have been redacted under
    # section 40(2)"): what was redacted may be no answer (a signatory's name)
    REDACTION_NOTE_ONLY = "redaction_note_only"
    # read from a sentence the reply gave to another question ("Our Sexual Safety Policy, which I
    # enclose, commits every member of staff to complete active bystander training ...")
    SAID_IN_PASSING = "said_in_passing"


class Grounding(StrEnum):
    """Whether a value's quote stands in its source, as LangExtract marks its extractions."""

    NONE = ""  # no quote
    EXACT = "exact"  # the quote is the source's own text, character for character
    NORMALISED = "normalised"  # the same words, but for spacing, case, quotes or dashes
    SUMMARY = "summary"  # the engine's own words about the reply ("no answer found for: ...")
    NOT_FOUND = "not_found"  # not in the source: a person checks


@dataclass(frozen=True)
class Flag:
    """One reason a value needs a person, with what made the engine doubt it."""

    reason: FlagReason
    detail: str = ""


@dataclass(frozen=True)
class ReviewDecision:
    """A person's decision laid over the machine's value (from overrides.csv)."""

    reviewer: str
    date: str = ""
    note: str = ""
    machine_value: str = ""  # what the machine had coded when the person decided


@dataclass(frozen=True)
class CodedValue:
    """One field's value for one trust, with the evidence that decided it and who decided."""

    trust_code: str
    field: str
    value: str  # blank = the replies give no information
    quote: str = ""
    source: str = ""  # document path
    locator: str = ""
    confidence: float = 0.0
    rule: str = ""  # id of the rule that decided it (the machine's; kept under an override)
    flags: tuple[Flag, ...] = ()
    question: str = ""  # id of the question whose answer the quote is (the codebook's)
    grounding: Grounding = Grounding.NONE
    decision: ReviewDecision | None = None  # set when a person has decided this value

    @property
    def needs_review(self) -> bool:
        """Flagged by the machine and not yet decided by a person."""
        return bool(self.flags) and self.decision is None

    @property
    def coded_by(self) -> str:
        """Who decided the value: the rule's id, or ``reviewer:<name>``."""
        return f"reviewer:{self.decision.reviewer}" if self.decision else self.rule

    @property
    def flag_reasons(self) -> tuple[str, ...]:
        return tuple(str(flag.reason) for flag in self.flags)
