"""Text values taken from an answer: a person's name, a job title, an organisation."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from foi_audit.coding.codebook import ExtractKind
from foi_audit.coding.compiled import Compiled, FieldSpec, Rule
from foi_audit.coding.people import Grammar
from foi_audit.coding.posts import given_name_first, post_key
from foi_audit.coding.records import Decision, Sentence
from foi_audit.coding.text import matches_any
from foi_audit.records import FlagReason

COMPANY_SUFFIX = re.compile(r"\b(?:Ltd\.?|Limited|LLP|CIC|plc|Inc\.?)$")
# Another NHS body or a university named in full ("Mersey Care NHS Foundation Trust", "NHS
# Somerset Integrated Care Board", "Kingston University"): an outside organisation, once the
# trust's own names are ruled out (``nhs_bodies``).
OUTSIDE_BODY = re.compile(
    r"^(?:The\s+)?(?:NHS\s+)?(?:(?!NHS\b|Trust\b|Foundation\b)[A-Z][\w'’-]*\s+)"
    r"(?:(?:[A-Z][\w'’-]*|and|of|&)\s+){0,7}"
    r"(?:NHS\s+(?:Foundation\s+)?Trust|Integrated\s+Care\s+Board|ICB|University)$"
    r"|^University\s+of\s+(?:[A-Z][\w'’-]*\s*){1,3}$"
)


# Words a company name may well start with although alone they name a department or a course
# ("Equality Training Partners Ltd", "Culture Shift Training"); sentence words never can.
NEVER_NAME_START = {
    "the", "our", "we", "it", "this", "they", "yes", "no", "not", "n/a", "a", "an", "please",
    "all", "both", "staff", "section", "information", "delivered", "sessions", "training",
    "provider", "supplier", "details", "delivery", "external", "internal", "in-house",
    "outsourced", "mandatory", "optional", "nhs", "trust", "attendance", "e-learning", "abt",
}  # fmt: skip


def _named_company(words: list[str], before: str, compiled: Compiled) -> bool:
    """A name whose first word is on the not-an-organisation list is still a company when it
    carries a company suffix, or is introduced as the provider ("an external provider, X",
    "commissioned from Equality Edge Training")."""
    if len(words) < 2 or words[0].lower() in NEVER_NAME_START:
        return False
    introduced = compiled.people.provider_intro.search(before)
    return bool(COMPANY_SUFFIX.search(" ".join(words)) or introduced)


# A redaction's mark where a name stood ("XXXX", "█████", "[REDACTED]", "[name removed]")
REDACTED = re.compile(r"\bX{3,}\b|█|\[(?:redacted|removed|withheld|name removed)[^\]]*\]", re.I)


# "commissioned through the ICB": the route a course was bought by, not who delivers it
_ROUTE_BEFORE = re.compile(
    r"\b(?:commissioned|procured|bought|purchased|sourced)\s+(?:through|via)"
    r"(?:\s+the)?\s+$",
    re.I,
)


def introduced_as(before: str, compiled: Compiled) -> tuple[bool, bool]:
    """Whether the words before an organisation introduce it as who delivers the training,
    and whether they introduce it as the provider at all."""
    introduced = bool(compiled.people.provider_intro.search(before))
    return introduced and not _ROUTE_BEFORE.search(before), introduced


# Words after a name that make it no course's name ("Bright Line training" may be theirs)
_COURSE_NOT_NAMED = frozenset({"training", "and", "the", "for", "of", "in", "on"})


_OURSELVES_THROUGH = re.compile(
    r"\b(?:ourselves|in-house|in house|internally)\s+(?:(?!but\b|rather\b|instead\b)\w+\s+){0,2}?"
    r"(?:through|via|within|by)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def clean_org(
    value: str, text: str, end: int, compiled: Compiled, start: int = 0, nhs_bodies: bool = False
) -> str:
    value = re.sub(r"(\s+(and|of|for|the|in|at|&))+$", "", value.strip())
    if compiled.people.national_name.fullmatch(value):
        return value  # "NHS England": a national body (found only as a course's author)
    if nhs_bodies and OUTSIDE_BODY.match(value):
        return value
    if value.endswith(".") and not (end < len(text) and text[end] in ",;)"):
        value = value[:-1]
    words = value.split()
    # "The Upstander Academy" is a name; "The" alone or before a generic word is not.
    named = words[1:] if len(words) > 1 and words[0] == "The" else words
    if not named or value.lower() in compiled.not_org:
        return ""
    if compiled.people.honorifics & {named[0].lower().rstrip(".")}:
        return ""  # "co-facilitated by Ms Holt": a person, not an organisation
    if named[0].lower() in compiled.not_org and not _named_company(named, text[:start], compiled):
        return ""
    if len(words) == 1 and value.lower().endswith("ly"):
        return ""  # an adverb opening a sentence ("Externally provided"), not an organisation
    before = text[max(0, start - 80) : start]
    if _OURSELVES_THROUGH.search(before) and not re.search(r"\bnot\b", before):
        return ""  # "we run it ourselves through the Leadership Academy": a unit of our own
    # "Active Bystander Training" is the course, not who runs it: a provider has a word of its own.
    if all(w.lower().strip(".,'’") in compiled.generic_org for w in words):
        return ""
    if any(w.lower().strip(".,'’") in compiled.not_org_words for w in words):
        return ""  # "Line Managers deliver it": people, not an organisation
    after = re.match(r"\s+([\w-]+)", text[end:])
    following = after[1].lower() if after else ""
    if following in compiled.not_org_words and not COMPANY_SUFFIX.search(value):
        return ""  # "Equality and Diversity colleagues": a group of staff, named by their unit
    if following in compiled.generic_org - _COURSE_NOT_NAMED and not COMPANY_SUFFIX.search(value):
        return ""  # "the annual Essential Education programme": a course's name, not its provider
    # "the Trust", "our Learning Team" are the trust itself; a charity named "... Trust" (at
    # least two words of its own, not an NHS or foundation trust) is an outside body.
    charity = re.fullmatch(r"(?:The\s+)?(?:[A-Z][\w'’&-]*\s+){2,5}Trust", value) and not re.search(
        r"\b(?:nhs|foundation|team)\b", value, re.IGNORECASE
    )
    # A regional NHS academy or network ("Eastern NHS Learning Academy") is an outside body.
    academy = re.search(r"\bnhs\b.*\b(?:academy|network|collaborative)$", value, re.IGNORECASE)
    if re.search(r"\btrust\b|\bteam\b|\bnhs\b", value, re.IGNORECASE) and not (
        charity or academy and not re.search(r"\b(?:trust|team)\b", value, re.IGNORECASE)
    ):
        return ""
    if len(words) == 1 and len(value) < 4:
        return ""
    return value


def _clean_person(value: str, compiled: Compiled) -> str:
    value = given_name_first(value)
    words = value.split()
    while words and words[0] in compiled.not_person:
        words = words[1:]
    titles = {"Dr", "Dr.", "Professor", "Prof", "Prof.", "Mr", "Mrs", "Ms", "Miss", "Mx", "Sir"}
    names = [w for w in words if w not in titles]
    if len(names) < 2 or any(w.strip(",") in compiled.not_person for w in names):
        return ""
    return " ".join(words)


# A heading cell or label glued to the answer: "Executive lead Chief Nurse", "Exec lead - ...".
ROLE_LEAD_IN = re.compile(
    r"^(?:[Ee]xec(?:utive|\.)?\s+|[Bb]oard\s+|DASV\s+)?[Ll]ead\b\s*[-–:]?\s*(?=[A-Z])"
)


# Words of a sentence, never of a job title: "Our executive lead for ... is".
NOT_IN_ROLE = re.compile(
    r"\b(?:is|are|was|were|our|we|has|have|had|will|been|being)\b|\btrust['’]?s\b|\b[a-z]+ lead for\b"
)


# A clause after a job title ("... holds this responsibility"): job titles have no verbs.
ROLE_TAIL = re.compile(
    r"\s+(?:is|are|was|has|have|holds|held|takes|covers|leads|oversees|will|would|carries|"
    r"chairs|fulfils|fulfills|undertakes|retains|remains|acts|serves)\b.*$"
    # ... or runs into a signature: "Director of Nursing FOI Team", "... Kind regards"
    r"|\s+(?:FOI|Freedom of Information|Information Governance|Yours|Kind regards|Regards|"
    r"Many thanks|Thank you)\b.*$",
    re.DOTALL,
)


def _clean_role(raw: str) -> str:
    """A job title, or blank when the words caught are a sentence rather than a title."""
    value = ROLE_LEAD_IN.sub("", raw.strip(" ,;-–")).strip(" ,;-–")
    if not value or NOT_IN_ROLE.search(value) or ROLE_LEAD_IN.match(value):
        return ""
    return OWNERS_IN_BRACKETS.sub("", ROLE_TAIL.sub("", value)).strip(" ,;-–")


# "Joint Chief Nurse (WUTH and WCHC)": whose post it is, in brackets after it, not its function
# ("Deputy Chief Nurse (Safeguarding)" keeps its bracket).
# "Chief Nurse (Executive Lead)": the post, and in brackets what the answer already says it is
LEAD_IN_BRACKETS = re.compile(r"\s*\((?:[^()]{0,40}\s)?lead\)\s*$", re.IGNORECASE)
OWNERS_IN_BRACKETS = re.compile(  # possessive: no backtracking on "(AA&AA&AA&...x"
    r"\s*\((?-i:[A-Z]{2}[A-Za-z]*+)(?:\s*+(?:,|&|\band\b)\s*+(?-i:[A-Z]{2}[A-Za-z]*+))*+\)\s*$"
)


def post_title(title: str, acronyms: Collection[str]) -> str:
    """A job title without whose it is ("Chief Nurse (ELHT & BTH)") or a "(lead)" after it;
    a short form of the title itself stays ("Chief Nursing Officer (CNO)")."""
    owners = OWNERS_IN_BRACKETS.search(title)
    if owners and owners[0].strip(" ()") not in acronyms:
        title = title[: owners.start()]
    return LEAD_IN_BRACKETS.sub("", title)


KEEP_CAPITALS = {"NHS", "DASV", "ABT", "HR", "FOI", "AHP", "AHPS", "CEO", "ICB", "CIC", "LLP", "PLC", "UK"}  # fmt: skip


# Words that are never part of a name or a title: lower case when capitals are undone, so
# "WE CAN CONFIRM THAT THE CHIEF NURSE HOLDS ..." reads no person in "Can Confirm That".
SMALL_WORDS = {
    "of", "and", "for", "the", "to", "in", "at", "on", "by", "a", "an", "or", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "we",
    "our", "that", "this", "these", "those", "it", "its", "with", "as", "from", "not", "no",
    "confirm", "confirms", "hold", "holds", "held", "who", "which", "also", "currently", "there",
}  # fmt: skip


CAPITALS_WORD = re.compile(r"[A-Z][A-Z'’]*")


def mixed_case(text: str, keep: Collection[str] = ()) -> str:
    """A sentence typed all in capitals, in ordinary case, so that names and job titles can be
    told from the words around them ("YES - JOANNE SMITH, CHIEF NURSE" -> "Yes - Joanne Smith,
    Chief Nurse"); any other text unchanged. Words in ``keep`` ("CNO") stay as written."""
    if re.search(r"[a-z]", text) or not re.search(r"[A-Z]{3}", text):
        return text

    def word(match: re.Match[str]) -> str:
        found = match.group(0)
        if found in KEEP_CAPITALS or found in keep:
            return found
        if found.lower() in SMALL_WORDS and match.start() > 0:
            return found.lower()
        return found[0] + found[1:].lower()

    return CAPITALS_WORD.sub(word, text)


def extract(
    rule: Rule, sentence: Sentence, spec: FieldSpec, compiled: Compiled,
    decided: dict[str, Decision] | None = None,
) -> str:  # fmt: skip
    if matches_any(rule.unless, sentence.text):
        return ""
    text = mixed_case(sentence.text)
    best: tuple[int, str] | None = None
    for pattern in rule.extract:
        if pattern.pattern.startswith("^") and (not sentence.start or sentence.via_reference):
            continue
        for match in pattern.finditer(text):
            raw = match.group("value") if "value" in pattern.groupindex else match.group(0)
            if spec.field.extract is ExtractKind.PERSON:
                value = _clean_person(raw, compiled)
            elif spec.field.extract is ExtractKind.JOB_TITLE:
                value = _clean_role(without_other_values(raw.strip(" ,;-–"), decided or {}))
            else:
                value = clean_org(raw, text, match.end("value"), compiled, match.start("value"))
                value = in_full(value, text, compiled)
            if value and (best is None or match.start() < best[0]):
                best = (match.start(), value)
                break
    return best[1] if best else ""


def in_full(name: str, text: str, compiled: Compiled) -> str:
    """An organisation named in full elsewhere in the sentence: "Upstander Collective" after
    "Upstander Collective CIC trained our facilitators" is "Upstander Collective CIC", and
    "Brightline" after "Brightline Bystander Ltd trained ..." is "Brightline Bystander Ltd"."""
    if not name or compiled.people.national_name.fullmatch(name):
        return name  # ("the e-Learning for Healthcare hub": the national body is named whole)
    for found in re.finditer(re.escape(name) + r"((?:\s+[\w.&'’-]+){1,3})", text):
        words = found.group(1).split()
        for n, word in enumerate(words):
            suffix = word.lower().rstrip(".")
            # (words before a company's legal form, "Brightline Bystander Ltd"; not a course
            # named after it, "Brightline Active Bystander Training")
            if suffix in compiled.people.org_suffixes and (n == 0 or suffix in _LEGAL_FORMS):
                return " ".join([name, *words[: n + 1]])
            if not word[:1].isupper():
                break
    return name


_LEGAL_FORMS = frozenset({"ltd", "limited", "cic", "llp", "plc", "inc", "co", "lp", "cio"})


def without_other_values(value: str, decided: dict[str, Decision]) -> str:
    """A value never contains another field's extracted text: "Executive Director of Nursing,
    Allied Health Professions and Quality, Jo Fairweather-Nunn" is a role followed by the name."""
    for other in decided.values():
        found = other.value
        if value and len(found.split()) >= 2 and found != value and found in value:
            value = value[: value.index(found)].rstrip(" ,;:-–(")
    return value


def post_doubts(text: str, people: Grammar) -> tuple[FlagReason, ...]:
    """Why a person looks at a post's holder read from ``text``: the post said to be held by
    two people ("held jointly by Ms A, Chief Nurse, and Dr B, Medical Director": the first is
    coded), or four people or more named in it (an organisation chart's text, a list of
    staff): which of them holds the post, a person confirms."""
    if len({p.text for p in people.persons(text)}) >= _MANY_PEOPLE:
        return (FlagReason.SEVERAL_PEOPLE,)
    if not people.shared_post.search(text):
        return ()
    leads = people.leads(text)
    # a non-executive director beside the executive lead shares the Board role, not the post
    aside = {
        lead.person.text
        for lead in leads
        if lead.person
        and (lead.supporting or (lead.title and NON_EXECUTIVE.search(lead.title.text)))
    }
    holders = [lead for lead in leads if lead.person and lead.person.text not in aside]
    # ("Job share: Mrs A and Ms B, Director of Nursing": the post paired with the second only)
    named = {p.text for p in people.persons(text)} - aside
    return (FlagReason.SHARED_POST,) if len(holders) >= 2 or len(named) >= 2 else ()


_MANY_PEOPLE = 4
NON_EXECUTIVE = re.compile(r"\bnon[- ]?executive\b", re.IGNORECASE)


def in_full_elsewhere(name: str, people: Grammar, document: Sequence[str]) -> str:
    """ "Mrs Bellingham-Sykes" as the reply names her in full elsewhere ("The executive lead is
    Mrs Tracey Bellingham-Sykes."): one fuller name with the same honorific and family name."""
    words = name.split()
    if len(words) != 2 or words[0].lower().rstrip(".") not in people.honorifics:
        return name
    fuller = {
        p.text
        for text in document
        if words[1] in text
        for p in people.persons(text)
        if (parts := p.text.split())[0] == words[0] and parts[-1] == words[1] and len(parts) > 2
    }
    return fuller.pop() if len(fuller) == 1 else name


def holder_elsewhere(
    title: str, people: Grammar, document: Sequence[str]
) -> tuple[str, str] | None:
    """The one person the reply pairs with this exact post in any of its sentences (not a
    supporter, not a withheld name), with a sentence saying so; None when none or several."""
    wanted = post_key(title)
    appointed = re.compile(_APPOINTED_AS + re.escape(wanted) + r"\b(?!['’]s)", re.IGNORECASE)
    holders: dict[str, str] = {}
    for text in document:
        if wanted not in post_key(text):
            continue
        for lead in people.leads(text):
            if (
                lead.person is not None
                and lead.title is not None
                and not lead.supporting
                and not lead.withheld
                and post_key(lead.title.text) == wanted
            ):
                holders.setdefault(lead.person.text, text)
        for person in people.persons(text):
            if appointed.match(text, person.end):  # "Professor X was appointed Medical Director"
                holders.setdefault(person.text, text)
    return next(iter(holders.items())) if len(holders) == 1 else None


_APPOINTED_AS = (
    r"\s*,?\s*(?:was|has been|had been|is|became)\s+(?:appointed|confirmed|named|made)?\s*"
    r"(?:as\s+)?(?:the\s+|our\s+|its\s+)?(?:trust['’]s\s+)?"
)
