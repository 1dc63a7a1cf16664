"""People, job titles and organisations in an answer, recognised by their form.

A person's name is an honorific and a name ("Dr Ruth Amankwah", "Professor Iqbal") or two or
three capitalised words that are not the words of a job title or of an organisation ("Bronwen
Umeh", "Elaine Farrow-Dunn", "Lorcan O'Kane"). A job title is a run of capitalised words with
its small connectors ("of", "and", "for", commas) holding a title's head word (Chief, Director,
Head, Lead, Officer, Nurse ...): "Director of Nursing, Midwifery and Quality", "Lead Nurse for
Safeguarding", "Domestic Abuse Lead Nurse". An organisation is a capitalised name with a
company's or charity's suffix ("Upstander Learning CIC", "Halden & Ross Associates"), or one
introduced as the provider ("commissioned Safe Spaces Training", "provided by Intervene").

Names, titles and organisations are found in any order, and paired when they stand together:
"Chief Nurse, Dr Jo Bell", "Dr Jo Bell (Chief Nurse)", "Chief Nurse: Dr Jo Bell",
"The Director of Nursing (Lavinia McAllister)", "Name – Jo Bell; Job title – Chief Nurse".
The words of the grammar are data (grammar.toml [people]), not code.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from foi_audit.coding.codebook import PeopleGrammar
from foi_audit.coding.posts import (
    LIST_GAP,
    SURNAME_FIRST,
    VACANT_AFTER,
    Lead,
    Span,
    around_post,
    labelled_lead,
    lead_end,
    nearest_holder,
    office_after,
    overlaps,
    part_played_last,
    post_key,
    span_at,
    title_with_employer,
    unused_post,
    without_descriptions,
)
from foi_audit.datetext import MONTH_OR_DAY

_WORD = re.compile(r"[^\W\d_][\w'’.-]*|&|,|\(|\)|:|;|–|—|-|/|\||\d+")
_SENTENCE_END = re.compile(r"[^\W\d_]{3,}\.$")  # "Quality." ends a run ("Dr." does not)
_POSSESSIVE_END = re.compile(r"\w['’]s$")
# What an organisation has, named after its possessive ("University of X's School of Y")
# (not a "Centre" or an "Institute": "Sheffield Women's Centre CIC" is a name of its own)
_UNITS = frozenset(("School", "Faculty", "Department", "Division"))
_ORG_JOINERS = frozenset(("and", "of", "for", "the", "in", "at", "de", "la", "on"))
# ... or any part of an NHS body or a university named before its possessive
_BODY_WHOSE = re.compile(r"(?:Trust|University|ICB|Board)['’]s")
_OWN_UNIT_BEFORE = re.compile(
    r"(?:\b(?:our|our own|the trust['’]?s(?: own)?|in-house by(?: the)?|"
    # "In-house, run by the Leadership Academy"
    r"in[- ]house\W{1,3}(?:and\s+)?(?:run|delivered|facilitated|led|provided|taught)\s+by(?: the| our)?|"
    # where staff book, not who teaches: "staff book through the Learning Hub"
    r"(?:book|books|booked|booking|register|registers|enrol|enrols|sign up)\s+(?:on|onto|through|via|using|on to)(?: the)?)\s+"
    # the unit named in brackets: "in-house (Learning Centre)"
    r"|\bin[- ]house\s*\()$",
    re.I,
)
_NEXT_WORD = re.compile(r"^\s+(\w+)")
_UNIT_AFTER = re.compile(r"^\s+(?:team|teams|department|service|unit|directorate|function)\b", re.I)
# Said to be the writer's own after its name: "the UHMBT Academy, the Trust's own education and
# training arm", "Bayside Training Ltd (a wholly owned subsidiary of the Trust)"
_OWN_AFTER = re.compile(
    r"^\s*[,(–—-]\s*(?:which is\s+)?(?:(?:the trust['’]s own|our own)\s+(?:[\w&-]+\s+){0,4}?"
    r"(?:arm|academy|company|subsidiary|college|charity|organisation|provider|training body)"
    r"|(?:a|the|our) (?:wholly[- ]owned )?subsidiary of (?:the|our) trust)\b",
    re.I,
)
# Said to be an outside body of some kind after its name: "Speak Out West Midlands, a charity"
_KIND_AFTER = re.compile(
    r"^\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:charity|company|consultancy|social enterprise|"
    r"community interest company|not-for-profit(?: organisation)?)\b",
    re.I,
)
# Who pays is not who teaches: "The programme is funded by Croydon Health Charity, but ..."
_FUNDER_BEFORE = re.compile(
    r"\b(?:funded|paid for|sponsored|financed|bankrolled|supported financially)\s+(?:by|through)"
    r"(?:\s+the)?\s+$",
    re.I,
)
_SIGN_OFF_BEFORE = re.compile(
    # ("To: Mr X" addresses; "the portfolio passed to Mr X" does not)
    r"\b(?:thanks|regards|sincerely|faithfully|wishes|from|dear|(?<![a-z]\s)to|by email|attention|fao|"
    r"(?:checked|prepared|completed|compiled|approved|collated|reviewed|signed) by)\W{0,6}$",
    re.I,
)
# "I am the Trust's executive lead for ...": the letter's signatory holds the post
_SIGNATORY_HOLDS = re.compile(
    r"(?-i:\bI)\s+(?:am|have been)\s+(?:the|your|its|our)\b[^.|]{0,60}\blead\b", re.I
)
_LEAD_CUE = re.compile(
    r"\b(?:yes|lead|leads|name|named|executive|responsib\w*|appointed|designated|accountable|holds?|is)\b",
    re.I,
)
_CAPITAL = re.compile(r"^[^\W\d_a-z]")  # starts with a capital letter (any alphabet)
_KEPT = 4096  # texts remembered per kind before the memory is cleared


def _remembered(find: Callable[[Grammar, str], list[Span]]) -> Callable[[Grammar, str], list[Span]]:
    """The stages ask about the same sentence several times (once per concept and field):
    the spans found in a text are remembered (as a tuple: callers get their own list)."""
    kind = find.__name__

    @functools.wraps(find)
    def remembered(self: Grammar, text: str) -> list[Span]:
        memory = self._memory.setdefault(kind, {})
        found = memory.get(text)
        if found is None:
            if len(memory) >= _KEPT:
                memory.clear()
            found = memory[text] = tuple(find(self, text))
        return list(found)

    return remembered


def _any_of(patterns: Sequence[str]) -> re.Pattern[str]:
    """One pattern matching any of ``patterns`` (case-insensitive); none matches nothing."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", re.I)


class Grammar:
    """The people grammar compiled once per codebook."""

    def __init__(self, data: PeopleGrammar) -> None:
        self._memory: dict[str, dict[str, tuple[Span, ...]]] = {}
        lower = str.lower
        self.honorifics = {lower(w).rstrip(".") for w in data.honorifics}
        self.title_heads = {lower(w) for w in data.title_heads}
        self.title_words = {lower(w) for w in data.title_words} | self.title_heads
        self.title_acronyms = frozenset(data.title_acronyms)  # case as written
        self.title_joiners = {lower(w) for w in data.title_joiners}
        self.generic_title = {lower(w) for w in data.generic_title}
        self.title_modifiers = {lower(w) for w in data.title_modifiers}
        self.title_stops = {lower(w).replace("’", "'") for w in data.title_stops}
        self._stop_phrase = office_after(data.title_stops)  # "Freedom of Information Office"
        self.org_breakers = {lower(w) for w in data.org_breakers}
        self.org_labels = {lower(w) for w in data.org_labels}
        self.org_self = {lower(w) for w in data.org_self}
        self.provider_subject = [re.compile(p, re.I) for p in data.provider_subject]
        self.org_suffixes = {lower(w) for w in data.org_suffixes}
        self.org_words = {lower(w) for w in data.org_words} | self.org_suffixes
        self.org_not_last = {lower(w) for w in data.org_not_last}
        self.not_name = {lower(w) for w in data.not_name}
        # a capitalised word after a title's dash that is no function of it ("Yes", "Mrs")
        self._not_function = self.not_name | self.honorifics | {"see"}
        self.address_surnames = {lower(w) for w in data.address_surnames}
        self.name_particles = set(data.name_particles)  # lower case as written
        self.withheld = _any_of(data.withheld)
        self.provider_intro = _any_of(data.provider_intro)
        bodies = sorted(data.national_bodies, key=len, reverse=True)
        body = "|".join(re.escape(b) for b in bodies) or r"(?!x)x"
        self.national_name = re.compile(rf"(?:the\s+)?(?:{body})", re.I)
        self.national_author = [
            re.compile(p.replace("{body}", body), re.I) for p in data.national_author
        ]
        self.holder_intro = _any_of(data.holder_intro)
        self.supporter_intro = _any_of(data.supporter_intro)
        self.executive_post = _any_of(data.executive_post)
        self.holder_attached = _any_of(data.holder_attached)
        self.shared_post = _any_of(data.shared_post)
        self.secondary_lead = _any_of(data.secondary_lead)
        self.not_holder_after = _any_of(data.not_holder_after)

    def says_lead(self, text: str) -> bool:
        """Whether a sentence speaks of a lead or a post held ("is the lead", "appointed")."""
        return bool(_LEAD_CUE.search(text))

    def has_honorific(self, text: str) -> bool:
        return any(w.lower().rstrip(".") in self.honorifics for w in _WORD.findall(text))

    # ------------------------------------------------------------------ words

    def _name_word(self, word: str) -> bool:
        core = word.strip("'’.-")
        if not core or not _CAPITAL.match(core) or core.isupper() and len(core) > 1:
            return False
        if re.search(r"n['’]t$", core, re.I):
            return False  # "HAVEN'T" read in ordinary case is no name
        if re.match(r"(?!O[A-Z][a-z]{2})[A-Z]{2,}[a-z]|[A-Z][a-z][A-Z]+$", core):
            # letters after a name ("MBChB", "MSc", "FRCPsych", "PhD"), not "ODonnell"
            return False
        low = re.sub(r"['’]s$", "", core.lower())  # "Trust's" is the word "Trust"
        return (
            low not in self.title_words
            and low not in self.org_words
            and low not in self.not_name
            and low not in self.title_joiners
        )

    @_remembered
    def persons(self, text: str) -> list[Span]:
        """People's names by form, with the honorific the reply puts before them; a family
        name in capitals before the given name ("MCALLISTER-BYRNE, Siobhan") too."""
        found: list[Span] = [
            span_at("person", text, m.start(), m.end())
            for m in SURNAME_FIRST.finditer(text)
            if self._name_word(m["given"])
            and all(part.lower() not in self.not_name for part in re.split(r"[-’']", m["family"]))
            and m["family"].lower() not in self.org_words
        ]
        tokens = list(_WORD.finditer(text))
        i = 0
        while i < len(tokens):
            word = tokens[i].group(0)
            honorific = word.lower().rstrip(".") in self.honorifics and _CAPITAL.match(word)
            j = i + 1 if honorific else i
            if honorific:  # initials after an honorific: "Dr A. N. Other-Person"
                while j < len(tokens) and re.fullmatch(r"[A-Z]\.?", tokens[j].group(0)):
                    j += 1
            names: list[re.Match[str]] = []
            while j < len(tokens) and len(names) < 4:
                word = tokens[j].group(0)
                if names and word in self.name_particles:
                    after = j + 1  # "Siân ap Gwilym", "Jo van der Berg", "Dr Rosa de la Cruz"
                    while after < len(tokens) and tokens[after].group(0) in self.name_particles:
                        after += 1
                    if after < len(tokens) and self._name_word(tokens[after].group(0)):
                        j = after
                        continue
                if not self._name_word(word):
                    if self._address_surname(word, names, tokens, i) or (
                        honorific and self._title_surname(names, tokens, j)
                    ):
                        names.append(tokens[j])  # "Jennifer Lane": the last word of her name
                        j += 1
                    break
                names.append(tokens[j])
                j += 1
                if _SENTENCE_END.search(names[-1].group(0)):
                    break
            # ("St Cross", "St Mary's": a hospital or a church; "Dr St Clair-Hughes" a person)
            saint = not honorific and bool(names) and names[0].group(0).rstrip(".") == "St"
            enough = len(names) >= 1 if honorific else 2 <= len(names) <= 3 and not saint
            if enough and not honorific and self._runs_into_a_document(text, tokens, j):
                i = j  # "the Special Leave Policy": the words of a policy's or course's name
                continue
            if enough:
                found.append(span_at("person", text, tokens[i].start(), names[-1].end()))
                i = j
            else:
                i += 1
        return sorted(found, key=lambda span: span.start)

    def _address_surname(
        self, word: str, names: Sequence[re.Match[str]], tokens: Sequence[re.Match[str]], i: int
    ) -> bool:
        """Whether an address word ("Lane", "Hill") ends a person's name here: after one given
        name, with no house number before it ("12 Marsh Lane" is a street)."""
        core = word.strip("'’.,;:-")
        return (
            len(names) == 1
            and core.lower() in self.address_surnames
            and bool(_CAPITAL.match(core))
            and not (i > 0 and tokens[i - 1].group(0).rstrip(",").isdigit())
        )

    def _title_surname(
        self, names: Sequence[re.Match[str]], tokens: Sequence[re.Match[str]], j: int
    ) -> bool:
        """Whether a title's word ends a name after an honorific and one given name, its post
        set off after it: "Mrs Constance Nurse, Chief Nurse", "Dr Warwick Dean (Medical
        Director)"."""
        word = tokens[j].group(0)
        after = [t.group(0) for t in tokens[j + 1 : j + 3]]
        return (
            len(names) == 1
            and word.lower() in self.title_words
            and bool(_CAPITAL.match(word))
            and len(after) == 2
            and after[0] in {",", "(", "–", "—", "-"}
            and after[1].lower() in self.title_words | self.title_modifiers
        )

    def _ends_a_name(self, tokens: Sequence[re.Match[str]], i: int) -> bool:
        """Whether the title's word at ``i`` is the family name of the person before it ("Mrs
        Constance Nurse, Chief Nurse")."""
        return (
            i >= 2
            and tokens[i - 2].group(0).lower().rstrip(".") in self.honorifics
            and self._name_word(tokens[i - 1].group(0))
            and self._title_surname(tokens[i - 1 : i], tokens, i)
        )

    def _runs_into_a_document(self, text: str, tokens: list[re.Match[str]], j: int) -> bool:
        """Whether the capitalised words from token ``j`` on end a policy's, course's or
        event's name ("... Leave Policy", "... Affected by Domestic Abuse Policy"), or a
        body's ("North West Anglia NHS Foundation Trust")."""
        if j < len(tokens) and tokens[j].group(0) == "NHS":
            return True
        if re.search(r"[.,;:!?]$", tokens[j - 1].group(0)):
            return False
        end = tokens[j - 1].end()
        for k, token in enumerate(tokens[j : j + 6], start=j):
            word = token.group(0)
            gap = text[end : token.start()]
            if gap.strip() or not (_CAPITAL.match(word) or word in {"by", "of", "and", "for"}):
                return False
            if word.lower().rstrip(".,;:!?") in self.org_not_last:
                after = tokens[k + 1].group(0).lower() if k + 1 < len(tokens) else ""
                return after.rstrip(".,;:") not in self.title_heads  # not "Policy Officer"
            if re.search(r"[.,;:!?]$", word):
                return False
            end = token.end()
        return False

    @_remembered
    def titles(self, text: str) -> list[Span]:
        """Job titles: capitalised runs holding a title's head word ("Chief Nurse")."""
        found: list[Span] = []
        tokens = list(_WORD.finditer(text))
        i = 0
        while i < len(tokens):
            if not self._title_word(tokens[i].group(0), first=True) or self._ends_a_name(tokens, i):
                i += 1
                continue
            j = i
            last = i
            in_function = False
            cut = 0  # "the Chief Nurse's portfolio": the title ends before the "'s"
            while j < len(tokens):
                word = tokens[j].group(0)
                previous = tokens[j - 1].group(0).lower().rstrip(".") if j > i else ""
                # a capitalised word continues a title after a joiner ("Director of Infection
                # Prevention and Control") or after a modifier ("Chief Paramedic")
                joined = (
                    previous in self.title_joiners
                    or previous in {",", "/"}
                    or previous in self.title_modifiers
                    or in_function
                )
                if previous in {"of", "for"}:
                    in_function = True
                owner = re.fullmatch(r"(.+)['’]s", word)
                if owner and j > i and owner.group(1).lower() in self.title_words:
                    last, cut = j, len(word) - len(owner.group(1))
                    break
                if j > i and not joined and self._stop_phrase.match(text, tokens[j].start()):
                    break
                if self._title_word(word, first=j == i, after_joiner=joined):
                    last = j
                    j += 1
                    if _SENTENCE_END.search(word):
                        break
                elif word.lower() in self.title_joiners or word in {",", "/"}:
                    # "of", "and", "for", a comma: only between words of the title
                    nxt = tokens[j + 1].group(0) if j + 1 < len(tokens) else ""
                    base = re.sub(r"(?<=\w)['’]s$", "", nxt)  # "Director of Nursing's"
                    if base != nxt and base.lower() in self.title_words:
                        nxt = base
                    if self._title_word(nxt, first=False) and not (
                        word == "," and self._starts_person(tokens, j + 1)
                    ):
                        j += 1
                    else:
                        break
                else:
                    break
            if not cut:
                last = title_with_employer(
                    text, tokens, (i, last), self.title_words,
                    lambda k: self._starts_person(tokens, k),
                )  # fmt: skip
            words = [t.group(0).lower().rstrip(".") for t in tokens[i : last + 1]]
            if cut:
                words[-1] = words[-1][:-cut]
            generic = all(w in self.generic_title or w in self.title_joiners for w in words)
            headed = any(w in self.title_heads for w in words) or any(
                t.group(0).rstrip(".") in self.title_acronyms for t in tokens[i : last + 1]
            )
            if headed and not generic:
                end = tokens[last].end() - cut
                # "Deputy Chief Nurse (Safeguarding)": a function in brackets is part of it
                bracket = re.match(r"\s*\(((?-i:[A-Z])[\w&,' -]{1,40}|[a-z]+)\)", text[end:])
                if bracket and bracket.group(1).islower():
                    # "(interim)", "(acting)": a modifier, never a lower-case function
                    bracket = bracket if bracket.group(1) in self.title_modifiers else None
                # "Deputy Director of Nursing - Safeguarding.": a function after a dash too
                dashed = None if bracket else _DASHED_FUNCTION.match(text[end:])
                if dashed and dashed[1].split()[0].lower() in self._not_function:
                    dashed = None  # "– Yes.", "– Mrs K. Polglase": an answer or a holder
                bracket = bracket or dashed
                if bracket and not self.persons(bracket.group(0)):
                    end += bracket.end(1) if dashed else bracket.end()
                    while last + 1 < len(tokens) and tokens[last + 1].end() <= end:
                        last += 1
                found.append(span_at("title", text, tokens[i].start(), end))
            i = last + 1
        return self._joined_after_bracket(text, found)

    def _joined_after_bracket(self, text: str, found: list[Span]) -> list[Span]:
        """ "Director of Quality (Interim) and Executive Safeguarding Lead" is one title: a
        bracket ends the run of words, "and" after it carries on."""
        out: list[Span] = []
        for span in found:
            if out and out[-1].text.endswith(")"):
                between = text[out[-1].end : span.start]
                if re.fullmatch(r"\s+(?:and|&)\s+", between):
                    out[-1] = span_at("title", text, out[-1].start, span.end)
                    continue
            out.append(span)
        return out

    def _title_word(self, word: str, first: bool, after_joiner: bool = True) -> bool:
        if word.rstrip(".") in self.title_acronyms:
            return True
        low = word.lower().rstrip(".")
        if (
            low.replace("’", "'") in self.title_stops
            or re.search(r"['’]s?$", word)
            and len(word) > 2
        ):
            return False  # "Director of Midwifery Guy's and St Thomas'" ends before the trust
        if word.isupper() and len(word) > 3 and low not in self.title_words:
            return False  # "Chief Nurse SYNTHETIC EXAMPLE": a heading in capitals is not the title
        if low in self.title_words:
            return bool(_CAPITAL.match(word)) or not first and low in self.title_heads
        # a function word of a title that the grammar does not list ("Director of Midwifery")
        return (
            bool(_CAPITAL.match(word))
            and not first
            and after_joiner
            and low not in self.honorifics
            and low not in self.not_name
        )

    def _starts_person(self, tokens: Sequence[re.Match[str]], index: int) -> bool:
        if index >= len(tokens):
            return False
        word = tokens[index].group(0)
        if word.lower().rstrip(".") in self.honorifics:
            return True
        names = 0
        while index < len(tokens) and self._name_word(tokens[index].group(0)):
            names += 1
            index += 1
        return names >= 2

    @_remembered
    def organisations(self, text: str) -> list[Span]:
        """Organisations: a capitalised name ending in an organisation's suffix, or one
        introduced as the provider ("delivered by Intervene Consulting")."""
        found: list[Span] = []
        tokens = list(_WORD.finditer(text))
        # "The Trust has appointed Julie Costigan, Chief Nurse, as lead": a name beside a job
        # title is a person, not a provider
        titles = self.titles(text)
        people = {
            (p.start, p.end)
            for p in self.persons(text)
            if any(0 <= t.start - p.end <= 3 or 0 <= p.start - t.end <= 3 for t in titles)
        }
        i = 0
        while i < len(tokens):
            if not _CAPITAL.match(tokens[i].group(0)) or tokens[i].group(0) in {"&", "("}:
                i += 1
                continue
            j = last = i
            while j < len(tokens):
                word = tokens[j].group(0)
                if (
                    word.lower() in self.org_breakers
                    or "[" in text[tokens[j - 1].end() : tokens[j].start()]
                ):
                    break  # ("ClearVoice Training Ltd. [Originally withheld ...]": a note)
                camel = word[:1].islower() and word[1:2].isupper()  # "eLearn", "iHASCO"
                if _CAPITAL.match(word) or word == "&" or word.isupper() or camel:
                    last = j
                    j += 1
                elif (
                    word == "("
                    and j + 3 < len(tokens)
                    and tokens[j + 1].group(0).isupper()
                    and tokens[j + 2].group(0) == ")"
                    and tokens[j + 3].group(0).lower().rstrip(".") in self.org_suffixes
                ):
                    j += 3  # "Open Door Training (UK) Ltd": a bracket inside the name
                elif word.lower() in _ORG_JOINERS or self._to_joins(tokens, i, j):
                    # ("launched Active Bystander Training in January": a date, not a name)
                    if (
                        j + 1 < len(tokens)
                        and _CAPITAL.match(tokens[j + 1].group(0))
                        and not MONTH_OR_DAY.match(tokens[j + 1].group(0))
                    ):
                        j += 1
                    else:
                        break
                else:
                    break
            span = self._organisation(text, tokens, people, i, last)
            # "external facilitators from Courage Works CIC and Trust staff": the name ends
            # before an "and" that ran it on into the writer's own words
            for k in range(last - 1, i, -1):
                if tokens[k].group(0).lower() not in {"and", "&"}:
                    continue
                tail = {t.group(0).lower() for t in tokens[k + 1 : last + 1]}
                if tail <= self.org_self:
                    span = self._organisation(text, tokens, people, i, k - 1) or span
                    break
            # "academic staff from the University of Thameside's School of Health Sciences",
            # "Northampton General Hospital NHS Trust's Learning and Development team": the
            # organisation is the one whose school or team it is
            for k in range(i + 1, last):
                if _POSSESSIVE_END.search(tokens[k].group(0)) and (
                    tokens[k + 1].group(0) in _UNITS or _BODY_WHOSE.fullmatch(tokens[k].group(0))
                ):
                    span = self._organisation(text, tokens, people, i, k, whose=True) or span
                    break
            if span is not None:
                found.append(span)
            i = last + 1
        return self._with_national_authors(text, found)

    def _to_joins(self, tokens: Sequence[re.Match[str]], i: int, j: int) -> bool:
        # "Steps to Respect Ltd": one name word before "to" (not "Outsourced to X Ltd", "Rise
        # Consulting to Y Ltd"), a suffix soon after it
        first, ahead = tokens[i][0].lower(), tokens[j + 1 : j + 5]
        one = tokens[j][0] == "to" and j == i + 1 and not first.endswith("ed")
        named = itertools.takewhile(lambda t: _CAPITAL.match(t[0]), ahead)
        suffixed = any(t[0].lower().rstrip(".") in self.org_suffixes for t in named)
        return one and suffixed and first not in ("yes", "no", "due", "subject", "up", "next")

    def _organisation(
        self,
        text: str,
        tokens: Sequence[re.Match[str]],
        people: set[tuple[int, int]],
        i: int,
        last: int,
        whose: bool = False,
    ) -> Span | None:
        """The run of words ``tokens[i..last]`` as an organisation, if it is one (``whose``:
        its last word without the possessive it ends in)."""
        while i < last and tokens[i].group(0).lower() in self.org_labels:
            i += 1  # "Outsourced Enact Bystander Ltd": the label is not the name
        start, end = tokens[i].start(), tokens[last].end() - (2 if whose else 0)
        words = [t.group(0).lower().rstrip(".") for t in tokens[i : last + 1]]
        if whose:
            words[-1] = words[-1][:-2]
        # introduced as the provider before it, said to be a charity or company after it, or
        # the subject of "X delivers the training"
        introduced = (
            bool(self.provider_intro.search(text[max(0, start - 60) : start]))
            or bool(_KIND_AFTER.match(text[end:]))
            or any(
                (m := p.match(text)) and m.start("org") <= start and end <= m.end("org")
                for p in self.provider_subject
            )
        )
        # "Upstander Training CIC", "Bystander Academy UK"; not "Mandatory Training Day", nor
        # "the annual Essential Education day" (an event, whatever its name's words)
        after = m[1].lower() if (m := _NEXT_WORD.match(text, end)) else ""
        suffixed = (
            len(words) >= 2
            and any(w in self.org_suffixes for w in words[1:])
            and not {words[-1], " ".join(words[-2:]), after} & self.org_not_last
        ) or (len(words) >= 3 and words[:2] in (["university", "of"], ["college", "of"]))
        own_unit = (
            # (in brackets, the unit is all they hold: not "in-house (X Ltd trained our staff)")
            (unit := _OWN_UNIT_BEFORE.search(text[:start]))
            and ("(" not in unit[0] or text[end:].lstrip().startswith(")"))
            or _UNIT_AFTER.match(text[end:])
            or _OWN_AFTER.match(text[end:])
            or _FUNDER_BEFORE.search(text[max(0, start - 40) : start])
        )
        # "The Group provides ...": the writer; "Solent's own trainers": whose, not who
        writer = all(w in self.org_self for w in words) or (
            # "the Group's Organisational Development practitioners": the writer's own
            len(words) > 1
            and re.sub(r"['’]s$", "", words[0]) in self.org_self
            and words[0] != re.sub(r"['’]s$", "", words[0])
        )
        possessive = bool(re.search(r"['’]s?$", words[-1])) and len(words[-1]) > 2
        # (a run opening with an honorific: "Mr X Chief Nurse North West Anglia NHS
        # Foundation Trust", a signature)
        person = not suffixed and (start, end) in people or words[0] in self.honorifics
        if (suffixed or introduced) and not (own_unit or writer or possessive or person):
            return span_at("organisation", text, start, end)
        return None

    def _with_national_authors(self, text: str, found: list[Span]) -> list[Span]:
        """A national NHS body named as a course's author is an organisation ("NHS England's
        e-learning module"), in the text's order, in place of any name found inside it."""
        national = [
            span_at("organisation", text, m.start("org"), m.end("org"))
            for pattern in self.national_author
            for m in pattern.finditer(text)
        ]
        if not national:
            return found
        kept = [s for s in found if not any(s.start < n.end and n.start < s.end for n in national)]
        unique = {(n.start, n.end): n for n in national}
        return sorted([*kept, *unique.values()], key=lambda span: span.start)

    # ------------------------------------------------------------------ leads

    def _holder_of(self, text: str, person: Span, leads: Sequence[Lead]) -> int | None:
        """The post without a holder, named just before, that a later name is said to hold
        (``holder_intro``), not one the lead's supports ("Reports to: X"); None when none fits."""
        if not self.holder_intro.search(text[max(0, person.start - 90) : person.start]):
            return None
        before = [
            i
            for i, lead in enumerate(leads)
            if (t := lead.title) and t.end <= person.start
            and not self.supporter_intro.search(text[max(0, t.start - 90) : t.start])
        ]  # fmt: skip
        if not before or not unused_post(leads[before[-1]]):
            return None
        return before[-1]

    def names_alone(self, text: str, titles: Sequence[Span] | None = None) -> list[Span]:
        """People's names that are not part of a job title or an organisation, nor a letter's
        addressee or signatory."""
        titles = self.titles(text) if titles is None else titles
        organisations = self.organisations(text)
        signatory_holds = bool(_SIGNATORY_HOLDS.search(text))
        return [
            p
            for p in self.persons(text)
            if not overlaps(p, [*titles, *organisations])
            and (
                signatory_holds or not _SIGN_OFF_BEFORE.search(text[max(0, p.start - 20) : p.start])
            )
        ]

    def leads(self, text: str) -> list[Lead]:
        """Posts with the people who hold them, in the order the text gives them."""
        titles = self.titles(text)
        persons = self.names_alone(text, titles)
        labelled = labelled_lead(text, titles, persons)
        if labelled:
            return [labelled]
        leads: list[Lead] = []
        used: set[int] = set()
        for title in sorted(titles, key=part_played_last):
            person = nearest_holder(title, persons, text, used)
            if person is not None:
                used.add(person.start)
            withheld = bool(self.withheld.search(around_post(text, title, person)))
            leads.append(Lead(title, person, withheld))
        for person in persons:
            if person.start in used:
                continue
            holds = self._holder_of(text, person, leads)
            if holds is not None:  # "... Chief Nurse is the lead. The post is held by Jo Bell."
                used.add(person.start)
                leads[holds] = Lead(leads[holds].title, person, False)
            elif _LEAD_CUE.search(text):
                # a name alone counts only where the text speaks of a lead ("Name – Jo Bell")
                leads.append(Lead(None, person, False))
        leads.sort(key=lambda lead: min(s.start for s in (lead.title, lead.person) if s))
        # "The lead is the Chief Nurse. That post is vacant ...": whoever covers it holds it
        vacant = {
            post_key(t.text)
            for lead in leads
            if (t := lead.title) and VACANT_AFTER.match(text, t.end)
        }
        leads = [
            replace(lead, supporting=True)
            if lead.person is None and lead.title and post_key(lead.title.text) in vacant
            else lead
            for lead in leads
        ]
        leads = without_descriptions(text, leads, self.generic_title)
        marked = [self._marked_supporting(text, lead) for lead in leads]
        chain = -1  # where the last supporter of a list ends
        for k, lead in enumerate(marked):
            # "supported by A (IDVA), B (Named Midwife) and Dr C": the whole list supports
            start = min(s.start for s in (lead.title, lead.person) if s)
            if chain >= 0 and not lead.supporting and LIST_GAP.fullmatch(text[chain:start]):
                lead = marked[k] = Lead(lead.title, lead.person, lead.withheld, supporting=True)
            chain = lead_end(lead) if lead.supporting else -1
        return marked

    def _marked_supporting(self, text: str, lead: Lead) -> Lead:
        start = min(s.start for s in (lead.title, lead.person) if s)
        end = max(s.end for s in (lead.title, lead.person) if s)
        if self.supporter_intro.search(
            text[max(0, start - 90) : start]
        ) or self.not_holder_after.match(text[end : end + 120]):
            return Lead(lead.title, lead.person, lead.withheld, supporting=True)
        return lead


# One to three capitalised words after a dash, ending the sentence or clause
_DASHED_FUNCTION = re.compile(
    r"\s+[-–—]\s+((?-i:[A-Z])[a-z&]+(?:\s+(?-i:[A-Z&])[a-z&]*){0,2})(?=\s*(?:[.,;)]|$))"
)
