"""Posts and their holders: the spans coding/people.py finds in a text, and how a post is
paired with the person beside it ("Chief Nurse, Dr Jo Bell", "Name – Jo Bell; Job title – Chief
Nurse", "Dr Jo Bell, who joined the Trust in 2024 as Director of People")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    kind: str  # person | title | organisation
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Lead:
    """A post and, when given, the person who holds it."""

    title: Span | None
    person: Span | None
    withheld: bool  # the name is said to be withheld
    supporting: bool = False  # introduced as supporting or deputising for the lead


def post_key(title: str) -> str:
    """A post's words as compared: any case, any spacing ("Chief  nurse" is "chief nurse")."""
    return " ".join(title.lower().split())


def span_at(kind: str, text: str, start: int, end: int) -> Span:
    """A span without a sentence's full stop at its end (an honorific's dot stays)."""
    while (
        end > start
        and text[end - 1] in ".,;:"
        and not text[start:end]
        .lower()
        .endswith(("dr.", "prof.", "mr.", "mrs.", "ms.", "co.", "inc.", "ltd."))
    ):
        end -= 1
    return Span(kind, text[start:end], start, end)


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


_NAME_LABEL = re.compile(
    r"\b(?:full\s+)?name(?:\s+of\s+(?:the\s+)?(?:lead|post\s*holder))?\s*[:–—-]\s*", re.I
)
_TITLE_LABEL = re.compile(
    r"\b(?:job\s+title|title|role|position|post|designation)\s*[:–—-]\s*", re.I
)


def labelled_lead(text: str, titles: Sequence[Span], persons: Sequence[Span]) -> Lead | None:
    """ "Name – Jo Bell; Job title – Chief Nurse": a name and a title each after its label."""
    name_label = _NAME_LABEL.search(text)
    if not name_label:
        return None
    person = next((p for p in persons if p.start == name_label.end()), None)
    title_label = _TITLE_LABEL.search(text)
    if title_label:
        title = next((t for t in titles if t.start == title_label.end()), None)
    else:  # "Yes – Chief Nurse | Name: Jo Bell": the post the answer gives, then its holder
        title = titles[0] if titles else None
    if person is None:
        return None
    return Lead(title, person, False)


# What may stand between a post and its holder: ", ", " – ", ": ", " (", " is ", " - Name",
# ", the Trust's ", ", our ", ", currently ".
_BETWEEN = re.compile(
    # "Daniel Osei (Mr), Chief People Officer": an honorific put after the name; "Sarah
    # Whitlock-Hayes MBE RGN, Chief Nursing Officer": letters after it
    r"^\s*(?:\((?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\)\s*)?"
    r"(?:(?-i:[A-Z][A-Za-z]{1,5})(?:\s+|(?=,))){0,3}?(?:[,–—-]\s*(?:currently|presently|now)\b|[,:;–—-]|\((?:\s*(?:currently|presently|now|namely|i\.e\.)\s*)?|\bis\b|,?\s*\bwho is\b|"
    r"\bheld by\b|\bis held by\b)?\s*(?:the\s+)?(?:(?:trust|organisation)['’]s\s+|our\s+)?$",
    re.I,
)


# "Dr Jo Bell, who joined the Trust in 2024 as Director of People": the post she holds
_HOLDER_AS = re.compile(
    # "Mr Neil Ashdown took up post as Director of Nursing ... and is now the executive lead"
    r"^,?\s*(?:who\s+[^.;|,()]{0,60}?\s|(?:appointed|employed|serving|working)\s+|"
    r"(?:took|has taken|takes) up (?:the |his |her |their )?(?:post|role|position)\s+|"
    r"(?:was|has been) (?:formally )?appointed\s+)as\s+"
    r"(?:the\s+|our\s+|an?\s+)?(?:(?:trust|organisation)['’]s\s+)?$"
    # "Ms X, who holds the joint post of Chief Nurse and Director of Quality"
    r"|^,?\s*who\s+(?:holds|occupies)\s+(?:the\s+)?(?:joint\s+|combined\s+|dual\s+)?"
    r"(?:post|role|position|office)\s+of\s+(?:the\s+)?$",
    re.I,
)


def nearest_holder(title: Span, persons: Sequence[Span], text: str, used: set[int]) -> Span | None:
    best = None
    for person in persons:
        if person.start in used:
            continue
        if person.start >= title.end:
            gap = text[title.end : person.start]
        else:
            gap = text[person.end : title.start]
        if (len(gap) <= 16 and _BETWEEN.match(gap)) or (
            person.start < title.start and _HOLDER_AS.match(gap)
        ):
            distance = (
                abs(person.start - title.end)
                if person.start >= title.end
                else abs(title.start - person.end)
            )
            if best is None or distance < best[0]:
                best = (distance, person)
    return best[1] if best else None


# a part played, not a post: "Executive Lead for Domestic Abuse and Sexual Violence"
_PART = re.compile(r"^(?:(?:executive|exec|joint|deputy|board)\s+)?leads?\s+for\b", re.I)


def part_played_last(title: Span) -> bool:
    """Sort key: posts pair with their holders before a part played does ("Executive Lead for
    DASV: Mr X, Chief People Officer" is Mr X's part; his post is Chief People Officer)."""
    return bool(_PART.match(title.text))


# "The Director with portfolio responsibility for domestic abuse is the Chief Nurse": a post
# described by what it does, then said to be another post, is that other post's description
_DESCRIBED_THEN_NAMED = re.compile(
    r"\s+(?:with|responsible|accountable|who|that|which|holding|leading)\b[^|.;:()]{0,100}?"
    r"\b(?:is|will be|would be|was)\s+(?:currently\s+|now\s+|presently\s+|at present\s+)?"
    r"(?:the\s+|our\s+)?(?:trust['’]s\s+)?",
    re.IGNORECASE,
)


def without_descriptions(text: str, leads: Sequence[Lead], generic: Collection[str]) -> list[Lead]:
    """The leads but the posts without holders that only describe the post named next: a
    rank with no function of its own ("Director", "Executive Director"; not "the Chief Nurse
    who is the Deputy Chief Executive"), nor the post before a part it plays ("... is the
    Executive Lead for DASV")."""
    described = {
        k
        for k, (lead, after) in enumerate(itertools.pairwise(leads))
        if lead.title and after.title and lead.person is None and not lead.withheld
        and not part_played_last(after.title)
        and all(w in generic or w in _RANKS for w in post_key(lead.title.text).split())
        and _DESCRIBED_THEN_NAMED.fullmatch(text, lead.title.end, after.title.start)
    }  # fmt: skip
    return [lead for k, lead in enumerate(leads) if k not in described]


_RANKS = frozenset({"director", "deputy", "associate", "assistant", "interim", "acting"})


def office_after(stops: Sequence[str]) -> re.Pattern[str]:
    """An office named by one of the phrases among ``stops`` (several words: "Freedom of
    Information Office"), where a title ends though its words could go on: the sign-off run on
    into the answer's line, "Chief Nurse Freedom of Information Office" (not the title's own
    function, "Associate Director Information Governance and Safeguarding")."""
    phrases = [re.escape(w).replace(r"\ ", r"\s+") for w in stops if " " in w]
    if not phrases:
        return re.compile(r"(?!x)x")
    return re.compile(
        rf"(?:{'|'.join(phrases)})\s+(?:office|team|department|unit|service)\b", re.IGNORECASE
    )


def around_post(text: str, title: Span, person: Span | None) -> str:
    end = max(title.end, person.end if person else 0)
    return text[title.start : end + 80]


# What a lead is for: a table of leads by area ("For Prevent, Executive lead Mrs X, ..."), a
# lead's own ("Executive Lead for Safeguarding (adults and children): Mrs X", "the executive
# lead for safeguarding adults and children"), or an operational post's ("The Named Nurse for
# Adult Safeguarding is Ms X", "Head of Safeguarding: Mr Y")
_AREA_ROW = re.compile(r"^For ([^,;.]{2,80}), (?=\S)")
_AREA_OF = re.compile(
    r"\b(?:(?P<lead>leads?)\s+for|named (?:nurse|doctor|midwife|professional)s?\s+for|head\s+of)\s+"
    r"(?P<area>[^:;,.()]{3,60}?)(?=\s+(?:is|are|was|were)\b|\s*[:;,.()]|$)",
    re.IGNORECASE,
)


def lead_area(text: str) -> tuple[str, bool]:
    """The area a sentence's lead is for, and whether a lead (not an operational post) is
    said to be for it; ("", False) when the sentence names no area."""
    if found := _AREA_ROW.match(text):
        return found[1], True
    if found := _AREA_OF.search(text):
        return found["area"], bool(found["lead"])
    return "", False


_LABEL_END = re.compile(r"\s*[:–—-]\s*")
DAY_TO_DAY = re.compile(r"\b(?:day[- ]to[- ]day|operational(?:ly)?)\b", re.IGNORECASE)
# "Mr A, Chief People Officer, would lead ...": the words after a post say what it does
_OWN_PREDICATE = re.compile(
    r"[\s,)]*(?:who\s+)?(?:would|will|is|was|has|had|remains|became|becomes|takes|took|acts)\b"
)


def others_in_clause(
    text: str, leads: Sequence[Lead], on_subject: Callable[[str], bool]
) -> list[Lead]:
    """Leads that share a sentence (sentences parted by " | ") with one said to be a lead for
    the subject asked by the words after it ("Mr A, Chief People Officer, would lead the work
    on the Charter and Mrs B, Director of Nursing, would be the executive lead for domestic
    abuse"), or by the words before it that the next verb gives it ("..., while the executive
    lead for domestic abuse is the Chief Nurse, Mr C"), when their own words do not."""
    starts = [min(s.start for s in (lead.title, lead.person) if s) for lead in leads]
    on = [False] * len(leads)
    sentence = [text.count(" | ", 0, lead_end(lead)) for lead in leads]
    for k, lead in enumerate(leads):
        end = lead_end(lead)
        bar = text.find(" | ", end)
        stop = min([s for s in starts if s >= end] + [bar if bar >= 0 else len(text)])
        found = _AREA_OF.search(text, end, stop)
        if found is None or not found["lead"] or DAY_TO_DAY.search(text, end, stop):
            continue  # (an operational lead is no executive one: "... lead for DA day to day")
        ahead = k + 1 < len(leads) and starts[k + 1] == stop and sentence[k + 1] == sentence[k]
        after = text[found.end() : stop]
        if ahead and (re.match(r"\s+(?:is|are|was|were)\b", after) or _LABEL_END.fullmatch(after)):
            on[k + 1] |= on_subject(found["area"])
        elif _OWN_PREDICATE.match(text, end, stop):  # the post is the clause's subject
            on[k] |= on_subject(found["area"])
    led = {sentence[k] for k, yes in enumerate(on) if yes}
    return [lead for k, lead in enumerate(leads) if sentence[k] in led and not on[k]]


def lead_end(lead: Lead) -> int:
    return max(s.end for s in (lead.title, lead.person) if s)


def unused_post(lead: Lead) -> bool:
    """A post named without its holder and not withheld: a later name may hold it."""
    return lead.title is not None and lead.person is None and not lead.withheld


# "MCALLISTER-BYRNE, Siobhan": a family name in capitals, a comma, the given name
SURNAME_FIRST = re.compile(
    r"(?<![\w-])(?P<family>(?-i:[A-Z]{2,}(?:['’-][A-Z]{2,})*)),\s+(?P<given>(?-i:[A-Z][a-z]+))\b"
)


def given_name_first(name: str) -> str:
    """ "MCALLISTER-BYRNE, Siobhan" -> "Siobhan MCALLISTER-BYRNE" (a register's order, the
    letters as written); any other name as it is."""
    found = SURNAME_FIRST.fullmatch(name.strip())
    return f"{found['given']} {found['family']}" if found else name


# A post said to be vacant after it ("... the Chief Nurse. That post is vacant at present").
VACANT_AFTER = re.compile(
    r"(?i)\s*(?:post|role|position)?\s*(?:(?:[.;|]\s*)+(?:that|this|the)\s+(?:post|role|position)\s+)?"
    r"(?:is|remains|has been)\s+(?:currently\s+|now\s+|at present\s+)?vacant\b"
)


# Between two people of one list: a bracketed post, then a comma or "and".
LIST_GAP = re.compile(
    r"[\s)]*(\([^()]{0,80}\))?[\s)]*(,|,?\s+and|,?\s+&)\s*(\([^()]{0,60})?|\s*\([^()]{0,60}"
)


# A word that heads an employer's name, where a job title stops ("Director of Nursing, Barnet
# Hospital"); words that make that name an NHS trust's, which a title does not take in.
_LEGAL_FORM = frozenset({"Ltd", "Limited"})  # a company's, which ends its name
_EMPLOYER_HEAD = frozenset({"Hospital", "Hospitals", "University"}) | _LEGAL_FORM
_TRUST_WORDS = frozenset({"NHS", "Trust", "Foundation"})
_BEFORE_EMPLOYER = frozenset({",", "of", "at"})
_CAPITAL_WORD = re.compile(r"[A-Z][\w'’&-]*\.?$")


def title_with_employer(
    text: str,
    tokens: Sequence[re.Match[str]],
    span: tuple[int, int],
    title_words: Collection[str],
    starts_person: Callable[[int], bool],
) -> int:
    """The last token of a title whose words ran into an employer's name: through that name
    when the title gives it after a comma or "of" ("Director of Workforce Services, Nene Workforce
    Solutions Ltd", "Chief Nurse of James Paget University Hospitals", "Group Chief Nurse,
    University Hospitals of Northamptonshire"), before it when it is an NHS trust's name or
    follows with nothing between ("Director of Nursing, Midwifery and Quality Barnsley Hospital
    NHS Foundation Trust" is the Director of Nursing, Midwifery and Quality). ``span``: the title's
    first and last tokens; ``starts_person(k)``: whether a person's name starts at token k."""
    first, last = span
    after = last + 1
    if after < len(tokens) and tokens[after].group(0) == ",":
        # "Group Chief Nurse, University Hospitals of ...", "..., Riverbank Staffing Ltd": a
        # name after a comma, its head word within a few capitalised words
        after += 1
        while after < min(last + 6, len(tokens) - 1) and _CAPITAL_WORD.match(tokens[after][0]):
            if tokens[after].group(0).rstrip(".") in _EMPLOYER_HEAD:
                break
            after += 1
    if after >= len(tokens) or tokens[after].group(0).rstrip(".") not in _EMPLOYER_HEAD:
        return last
    end = after
    while not tokens[end].group(0).endswith(".") and end + 1 < len(tokens):
        if tokens[end].group(0) in _LEGAL_FORM:
            break
        if "\n" in text[tokens[end].end() : tokens[end + 1].start()] or starts_person(end + 1):
            break  # "... University Hospitals Sarah Quinlan is the lead": the holder follows
        word = tokens[end + 1].group(0)
        joined = word in {"of", "and", "&"} and end + 2 < len(tokens)
        if not (_CAPITAL_WORD.match(word) or joined and _CAPITAL_WORD.match(tokens[end + 2][0])):
            break
        end += 1
    names = {t.group(0).rstrip(".") for t in tokens[after : end + 1]}
    separator = next(
        (k for k in range(after - 1, first, -1) if tokens[k].group(0) in _BEFORE_EMPLOYER), None
    )
    own = [t.group(0) for t in tokens[(separator or last) + 1 : after]]
    # after a comma the name is set apart, ending at a mark or a company's legal form (not
    # "Chief Operating Officer, Hospital at Home and Virtual Wards")
    set_apart = after == last + 1 or (
        tokens[end].group(0).endswith(".")
        or tokens[end].group(0) in _LEGAL_FORM
        or end + 1 == len(tokens)
        or tokens[end + 1].group(0) in {",", ";", ":", "(", ")", "–", "—", "-", "|"}
    )
    if (
        separator is not None
        and set_apart
        and not _TRUST_WORDS & names
        and (after > last + 1 or any(w.lower() not in title_words for w in own))
    ):
        return end
    k = last
    while k > first and not (
        tokens[k].group(0).lower() in title_words or tokens[k].group(0) in _BEFORE_EMPLOYER
    ):
        k -= 1  # back over the employer's own words ("Barnsley", ", Airedale")
    while k > first and tokens[k].group(0).lower() in _BEFORE_EMPLOYER | {"and", "&", "for"}:
        k -= 1
    return k
