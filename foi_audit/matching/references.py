"""Files that belong together: the same FOI reference number, or a reply naming the file.

A covering letter and its appendix saved as two files, an e-mail and its attachment saved
separately, an acknowledgement and the later reply: each file on its own may not name its trust,
but they share the request's reference number ("FOI 2411-087", "FOI-2024-3307", "24/11/5312")
in their file names or their text. A file left unmatched (or ambiguous between trusts that
include the one) takes the trust of the files it shares a reference with, when those files
agree; ``match_method`` is then ``same_reference`` and the evidence names the reference and the
file it came from. Files that share a reference but disagree leave it unmatched, with their
trusts added to its candidates.

A document saved on its own whose title a reply names ("our Sexual Safety in the Workplace
Policy is attached") is linked the same way (``named_in_reply``) when the replies of one trust
only name it; otherwise those trusts become its candidates.

References are digit groups ("24-0877", "2411-087", "3307"), read from file names (any number
with four digits or more that is not a date) and from text where a label introduces them
("Our ref:", "FOI", "Request", "Reference"). Separators do not matter ("24_0877" is "24-0877").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from foi_audit.datetext import MONTH_OR_DAY
from foi_audit.matching.joint import answers_for_several
from foi_audit.records import BlockRole, Document, Match

_RUN_RE = re.compile(r"(?<!\d)\d+(?:[-_/. ]\d+)*(?!\d)")
_GROUP_SPLIT_RE = re.compile(r"[-_/. ]+")
_LABELLED_RE = re.compile(
    r"(?i)\b(?:our\s+ref(?:erence)?|your\s+ref(?:erence)?|ref(?:erence)?(?:\s+(?:no|number))?"
    r"|foia?|rfi|eir|request(?:\s+(?:no|number|ref))?|case(?:\s+(?:no|number))?)\b\.?"
    r"[ \t]*[:#\u2013-]?[ \t]*((?:[A-Za-z]{1,8}[-_/ ]?){0,3}\d+(?:[-_/.]\d+)*)"
)
_MIN_DIGITS = 4
_TITLE_WORDS_RE = re.compile(r"[a-z]{3,}")
_TITLE_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "this",
        "that",
        "our",
        "your",
        "trust",
        "nhs",
        "foundation",
        "response",
        "reply",
        "letter",
        "appendix",
        "annex",
        "attachment",
        "final",
        "copy",
        "draft",
        "version",
        "foi",
        "request",
        "document",
    ]
)


def _is_date(groups: Sequence[str]) -> bool:
    digits = "".join(groups)
    if len(groups) == 1 and len(digits) == 8:
        try:
            dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
            return True
        except ValueError:
            return False
    if len(groups) == 2 and all(len(g) <= 2 for g in groups):
        return _day_month(groups[0], groups[1])  # "14.11": a day and month
    if len(groups) == 3:
        first, second, third = groups
        for day, month, year in ((first, second, third), (third, second, first)):
            if len(year) in (2, 4) and _day_month(day, month):
                return len(year) == 2 or 1990 <= int(year) <= 2099
    return False


def _day_month(day: str, month: str) -> bool:
    return len(day) <= 2 and len(month) <= 2 and 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _keys(run: str) -> list[str]:
    """The reference keys in a run of digits ("FOI 24_0877" -> ["24-0877"])."""
    groups = [g for g in _GROUP_SPLIT_RE.split(run) if g]
    if any(len(g) == 8 and _is_date([g]) for g in groups):
        return []  # a scan's date stamp ("SCAN_20241128_101544")
    if _is_date(groups):
        return []
    if len(groups) == 1 and len(groups[0]) == 4 and 1990 <= int(groups[0]) <= 2099:
        return []  # a year
    if sum(len(g) for g in groups) < _MIN_DIGITS:
        return []
    return ["-".join(groups)]


def name_references(path: str) -> set[str]:
    """References in a file's own name (the last part of ``mail.eml > reply.pdf``)."""
    name = path.rpartition(" > ")[2] or path
    name = name.rpartition("/")[2]
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
    stem = re.sub(r"\(\d+\)", " ", stem)  # "(1)": a copy's number
    stem = re.sub(r"(?i)\bv\d+(?:\.\d+)*\b", " ", stem)  # a version number
    found: set[str] = set()
    for run in _RUN_RE.findall(stem):
        found.update(_keys(run))
    return found


def text_references(document: Document) -> set[str]:
    """References a label introduces in a document's text and e-mail headers."""
    texts = [value for key, value in document.headers if key.lower() == "subject"]
    texts += [b.text for b in document.blocks[:60] if b.role is not BlockRole.TABLE]
    found: set[str] = set()
    for text in texts:
        for match in _LABELLED_RE.finditer(text):
            for run in _RUN_RE.findall(match.group(1)):
                found.update(_keys(run))
    return found


def group_references(group: Sequence[Document]) -> tuple[str, ...]:
    """Every reference of a file and its attachments."""
    found: set[str] = set()
    for document in group:
        found |= name_references(document.path)
        found |= text_references(document)
    return tuple(sorted(found))


_ENCLOSURE_RE = re.compile(r"(?i)^(?:appendix|annex|attachment|enclosure|schedule)\s+\w{1,3}$")


def _titles(group: Sequence[Document]) -> tuple[str, ...]:
    """What a reply would call this file: an enclosure label ("Appendix A"), or a title of three
    distinctive words or more from its file name or its first heading."""
    name = group[0].path.rpartition("/")[2]
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
    stem = " ".join(re.sub(r"(?i)\bv\d+(?:\.\d+)*\b|\(\d+\)|_", " ", stem).split())
    found = []
    if _ENCLOSURE_RE.match(stem):
        found.append(stem)
    elif len(_title_words(re.sub(r"\d+", " ", stem))) >= 3:
        found.append(" ".join(re.sub(r"\d+", " ", stem).split()))
    heading = next(
        (b.text.strip() for b in group[0].blocks[:3] if b.role in _HEADINGS and b.text.strip()),
        "",
    )
    # (not a letterhead: "The Foundation Group South Warwickshire University NHS Foundation Trust")
    if len(heading) <= 80 and len(_title_words(heading)) >= 3 and not _LETTERHEAD.search(heading):
        found.append(heading)
    return tuple(dict.fromkeys(found))


_HEADINGS = frozenset({BlockRole.TITLE, BlockRole.HEADER, BlockRole.BODY})
_LETTERHEAD = re.compile(r"(?i)\bnhs\b[\w\s,&'\u2019-]{0,30}\btrusts?\W*$")  # ends with a name


def _title_words(text: str) -> list[str]:
    # (a file name's date is not how a reply names it: "Executive team structure chart (Nov
    # 2024)" is "the attached executive team structure chart")
    return [
        w
        for w in _TITLE_WORDS_RE.findall(text.lower())
        if w not in _TITLE_STOP and not MONTH_OR_DAY.match(w)
    ]


def _title_pattern(title: str) -> re.Pattern[str]:
    if _ENCLOSURE_RE.match(title):
        return re.compile(r"\b" + r"\s+".join(map(re.escape, title.lower().split())) + r"\b")
    words = _title_words(title)
    return re.compile(r"\b" + r"\W+(?:\w+\W+){0,2}?".join(map(re.escape, words)) + r"\b")


@dataclass(frozen=True)
class FileLinks:
    """What can link a file to others: its references and the titles a reply would name it by."""

    references: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


def file_links(group: Sequence[Document]) -> FileLinks:
    return FileLinks(group_references(group), _titles(group))


@dataclass(frozen=True)
class FileMatch:
    """One top-level file: its path, its match and what links it to others."""

    path: str
    match: Match
    references: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    # the file and its attachments, for the titles its text names
    group: Sequence[Document] = field(default=(), compare=False, repr=False)

    @cached_property
    def text(self) -> str:
        """The file's own text, lower case (joined only when another file has a title to
        look for, or a joint reply shares its reference: most runs never need it)."""
        return "\n".join(b.text for d in self.group for b in d.blocks).lower()


def file_match(
    group: Sequence[Document], match: Match, links: FileLinks | None = None
) -> FileMatch:
    links = links or file_links(group)
    return FileMatch(group[0].path, match, links.references, links.titles, tuple(group))


def _resolved(match: Match) -> bool:
    return bool(match.trust_code) or match.method == "out_of_scope"


def _verdict(match: Match) -> tuple[str, ...]:
    if match.method == "out_of_scope":
        return ("out_of_scope", match.message)
    return (match.trust_code, *match.also)


def link_files(files: Sequence[FileMatch]) -> dict[str, Match]:
    """New matches for unmatched files that share a reference with (or are named by) matched
    ones, and for a file of one trust that says it answers for several and shares a reference
    with a joint reply of that trust's, keyed by path. Only files matched on their own evidence
    vouch for others."""
    by_reference: dict[str, list[int]] = {}
    for number, item in enumerate(files):
        for reference in item.references:
            by_reference.setdefault(reference, []).append(number)
    changed: dict[str, Match] = {}
    for number, item in enumerate(files):
        by_alias = item.match.method in _BY_ALIAS and not any(
            e.split(":", 1)[0] in {*_BY_NAME, "email_header"} for e in item.match.evidence
        )  # initials alone: no full name in its letterhead, signature or sender
        if by_alias and (doubt := _outweighed(item, number, files, by_reference)):
            changed[item.path] = doubt
        if (joined := _joins_joint(item, number, files, by_reference)) is not None:
            changed[item.path] = joined
            continue
        if _resolved(item.match):
            continue
        anchors: dict[tuple[str, ...], list[tuple[str, FileMatch]]] = {}
        for reference in item.references:
            sharing = [
                (_verdict(files[k].match), files[k])
                for k in by_reference[reference]
                if k != number and _resolved(files[k].match)
            ]
            if len({verdict for verdict, _ in sharing}) > _MOST_SHARING:
                continue  # the requester's own reference (a request site's), quoted by all
            for verdict, other_file in sharing:
                anchors.setdefault(verdict, []).append((reference, other_file))
        new = _from_anchors(item, anchors, "same_reference")
        if new is None and not anchors:
            new = _from_anchors(item, _named_by(item, files), "named_in_reply")
        if new is not None:
            changed[item.path] = new
    return changed


# More trusts than this sharing one reference (or naming one title) tell nothing of a file's
_MOST_SHARING = 4

# Evidence from initials alone (a mailbox "nhct.foi@", a file name "NHFT ..."), and evidence a
# trust writes its full name in (its letterhead, its signature)
_BY_ALIAS = frozenset({"email_address", "name_in_path"})
_BY_NAME = frozenset({"letterhead", "signature"})


def _outweighed(
    item: FileMatch, number: int, files: Sequence[FileMatch], by_reference: dict[str, list[int]]
) -> Match | None:
    """A file matched by initials alone whose reference a file matched by a trust's full name
    shares, for another trust ("NHFT FOI 24-5051 delay notice" from "nhct.foi@" beside the
    reply on Nottinghamshire Healthcare's letterhead): left for a person, both candidates."""
    for reference in item.references:
        others = [files[k] for k in by_reference[reference] if k != number]
        if len({_verdict(o.match) for o in others if _resolved(o.match)}) != 1:
            continue  # (the requester's own reference, quoted by every trust, tells nothing)
        for other in others:
            theirs = other.match
            if theirs.method in _BY_NAME and theirs.trust_code not in _verdict(item.match):
                return replace(
                    item.match,
                    trust_code="",
                    method="ambiguous",
                    candidates=tuple(dict.fromkeys([*item.match.candidates, theirs.trust_code])),
                    message=f"matched by initials only ({item.match.method}: "
                    f"{item.match.trust_code}), but {other.path} with the same reference "
                    f"{reference} is {theirs.trust_code} by its {theirs.method}: check which",
                )
    return None


def _joins_joint(
    item: FileMatch, number: int, files: Sequence[FileMatch], by_reference: dict[str, list[int]]
) -> Match | None:
    """A file of one trust saying the reply answers for several ("our FOI team has answered
    for both trusts in one document", a covering e-mail naming only one of them as the group
    writes it) that shares its reference with a joint reply of that trust and others: it is
    the joint reply's too."""
    match = item.match
    if not match.trust_code or match.also or match.method in {"mapping", "joint"}:
        return None
    for reference in item.references:
        others = [files[k] for k in by_reference[reference] if k != number]
        verdicts = {_verdict(o.match) for o in others if _resolved(o.match)}
        if len(verdicts) != 1:
            continue
        (verdict,) = verdicts
        if len(verdict) < 2 or match.trust_code not in verdict:
            continue
        # (the file's text is joined only now: most files share no reference with a joint one)
        words = answers_for_several(item.text)
        if not words:
            return None
        anchor = next(o for o in others if _verdict(o.match) == verdict)
        return Match(
            verdict[0],
            "same_reference",
            match.score,
            f"says it answers for several trusts ('{words}'), and has the same reference "
            f"'{reference}' as {anchor.path}, a joint reply ({'/'.join(verdict)})",
            verdict,
            also=verdict[1:],
            evidence=(
                f"same_reference:{'/'.join(verdict)} '{reference}' ({anchor.path})",
                *match.evidence,
            ),
        )
    return None


def _named_by(
    item: FileMatch, files: Sequence[FileMatch]
) -> dict[tuple[str, ...], list[tuple[str, FileMatch]]]:
    """Matched files whose text names this file's title ("Appendix A", "Sexual Safety at Work
    Policy"): the first title that some name. More than four trusts naming it tell nothing."""
    for title in item.titles:
        pattern = _title_pattern(title)
        anchors: dict[tuple[str, ...], list[tuple[str, FileMatch]]] = {}
        for other in files:
            if other.path != item.path and other.match.trust_code and pattern.search(other.text):
                anchors.setdefault(_verdict(other.match), []).append((title, other))
        if 0 < len(anchors) <= _MOST_SHARING:
            return anchors
    return {}


def _from_anchors(
    item: FileMatch,
    anchors: dict[tuple[str, ...], list[tuple[str, FileMatch]]],
    method: str,
) -> Match | None:
    if not anchors:
        return None
    match = item.match
    if len(anchors) > 1:
        # Files that share the reference disagree: the reference does not tell.
        extra = [code for verdict in anchors for code in verdict if code != "out_of_scope"]
        candidates = tuple(dict.fromkeys([*match.candidates, *extra]))
        described = "; ".join(
            f"{'/'.join(v) if v[0] != 'out_of_scope' else 'out of scope'} ({links[0][1].path})"
            for v, links in anchors.items()
        )
        return replace(
            match,
            candidates=candidates,
            message=f"{match.message}; files with the same reference or naming it disagree: "
            f"{described}",
        )
    ((verdict, links),) = anchors.items()
    reference, anchor = links[0]
    if verdict[0] == "out_of_scope":
        return Match(
            "",
            "out_of_scope",
            anchor.match.score,
            f"{anchor.match.message} (the same reference {reference} as {anchor.path})",
            (),
            evidence=(f"{method}:out_of_scope '{reference}' ({anchor.path})",),
        )
    if match.candidates and not set(verdict) & set(match.candidates):
        # Its own (weak) evidence points elsewhere: references do collide between trusts, so
        # the reference only adds a candidate.
        return replace(
            match,
            candidates=tuple(dict.fromkeys([*match.candidates, *verdict])),
            message=f"{match.message}; {anchor.path} has the same reference {reference} "
            f"({'/'.join(verdict)})",
        )
    own = [code for code in match.candidates if code in verdict]
    if len(verdict) > 1 and len(own) == 1:
        # a joint reply's appendix that names one of its trusts alone ("Appendix A - course
        # outline (SASH)"): that trust's part
        verdict = (own[0],)
    where = "as" if method == "same_reference" else "named by"
    label = "the same reference" if method == "same_reference" else "its title"
    return Match(
        verdict[0],
        method,
        anchor.match.score,
        f"{label} '{reference}' {where} {anchor.path} ({anchor.match.method})",
        verdict,
        also=verdict[1:],
        evidence=(
            f"{method}:{'/'.join(verdict)} '{reference}' ({anchor.path})",
            *match.evidence,
        ),
    )
