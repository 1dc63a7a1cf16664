"""Which trust an e-mail or web domain belongs to: ``foi@ysthft.nhs.uk`` is York and Scarborough.

The table is compiled from the register, so it covers every trust and follows a rebuild:

- ``acronym``: the initials of the trust's name, as trusts use them for their domains
  (``ysthft``, ``swast``, ``ulth``, ``gstt``): initials of the name without "NHS (Foundation)
  Trust" and small words, alone or with ``t``, and ``ft``/``nhsft`` (foundation trusts) or
  ``nhst`` (other trusts); also with the "and" counted (``slam``);
- ``name``: the name's words run together (``northumbriahealthcare``, ``royalfree``), its first
  words (``kingscollegehosp``: the last word may be cut short to four letters or more), or a
  distinctive first word of six letters or more (``whittington``);
- ``alias``: the short names in ``data/aliases.csv`` written as one word;
- ``known``: ``data/domains.csv``, real domains that follow none of these patterns, each with
  its reason.

A label that fits several trusts (``bthft``: Blackpool and Bradford Teaching Hospitals) names
all of them, and the matcher takes it as a weak cue for each. Generic mail domains (``nhs.net``,
``gmail.com`` ...) name nobody: :func:`domain_labels` gives nothing for them. Welsh and
Scottish NHS domains (``wales.nhs.uk``, ``nhs.scot``) and ``gov.uk`` are reported as such.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from foi_audit.records import Trust

# Mailboxes anyone can have: a reply from one says nothing about the trust.
GENERIC_DOMAINS = frozenset(
    [
        "nhs.net",
        "nhs.uk",
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "outlook.co.uk",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "live.co.uk",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "aol.com",
        "btinternet.com",
        "sky.com",
        "virginmedia.com",
        "ntlworld.com",
        "protonmail.com",
        "proton.me",
        "whatdotheyknow.com",
        "mysociety.org",
    ]
)
# Where a registrable name ends: what is left of these is the organisation's own label.
_SUFFIXES = (
    "wales.nhs.uk", "scot.nhs.uk", "nhs.uk", "nhs.net", "nhs.scot", "nhs.wales", "org.uk",
    "co.uk", "gov.uk", "gov.wales", "gov.scot", "ac.uk", "com", "org", "net", "uk", "example",
    "scot", "wales", "cymru", "info", "io",
)  # fmt: skip
_SCOPES = {
    "wales.nhs.uk": "an NHS Wales body", "nhs.wales": "an NHS Wales body",
    "gov.wales": "a Welsh government body", "scot.nhs.uk": "an NHS Scotland body",
    "nhs.scot": "an NHS Scotland body", "gov.scot": "a Scottish government body",
    "gov.uk": "a council or government body", "icb": "an integrated care board",
}  # fmt: skip
# Scopes whose domains name no trust, though their place names are trusts' labels too.
NOT_A_TRUST_SCOPES = frozenset(
    scope for scope in _SCOPES.values() if "government" in scope or scope == _SCOPES["icb"]
)
# Parts of a host that are not the organisation's name ("foi.", "-nhs", "-tr", "www.").
_NOISE = frozenset(
    [
        "www",
        "foi",
        "foia",
        "mail",
        "email",
        "mailbox",
        "web",
        "www2",
        "tr",
        "nhs",
        "the",
        "policies",
        "policy",
        "docs",
        "intranet",
        "extranet",
        "secure",
        "portal",
        "info",
        "ig",
        "publications",
    ]
)
_SMALL = frozenset({"and", "of", "the", "for", "in", "on", "upon", "at"})
_SUFFIX_WORDS = frozenset({"nhs", "foundation", "trust", "ft", "nhsft"})
# First words that say what kind of trust, not which (no one-word label of them).
_GENERIC_FIRST = frozenset(
    [
        "university",
        "hospital",
        "hospitals",
        "healthcare",
        "health",
        "royal",
        "central",
        "county",
        "community",
        "integrated",
        "national",
        "general",
        "district",
        "united",
    ]
)


@dataclass(frozen=True)
class DomainLabel:
    label: str  # lower case, no dots or hyphens: "ysthft"
    code: str
    kind: str  # acronym | name | alias | known
    source: str = ""


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['\u2019\u2018`]", "", text).replace("&", " and ")
    words = [w.lower() for w in re.split(r"[^A-Za-z0-9]+", text) if w]
    while words and words[0] == "the":
        words.pop(0)
    while words and words[-1] in _SUFFIX_WORDS:
        words.pop()
    return ["st" if w == "saint" else w for w in words]


def acronyms(trust: Trust) -> set[str]:
    """The initialisms a trust's domain may be made of (``ysthft``, ``swast``, ``ulth``)."""
    words = _words(trust.name)
    found: set[str] = set()
    foundation = "foundation trust" in trust.name.lower()
    for keep_and in (False, True):
        initials = "".join(w[0] for w in words if w not in _SMALL or (keep_and and w == "and"))
        if len(initials) < 2:
            continue
        endings = ["", "t", "ft", "nhsft"] if foundation else ["", "t", "nhst"]
        found.update(initials + e for e in endings if len(initials + e) >= 3)
    return found


def name_labels(trust: Trust) -> set[str]:
    """The trust's name run together, whole or its first words (``royalfree``)."""
    words = _words(trust.name)
    found: set[str] = set()
    for chosen in (words, [w for w in words if w not in _SMALL]):
        for k in range(2, len(chosen) + 1):
            found.add("".join(chosen[:k]))
            head, last = "".join(chosen[: k - 1]), chosen[k - 1]
            found.update(head + last[:cut] for cut in range(4, len(last)))
    if words and len(words[0]) >= 6 and words[0] not in _GENERIC_FIRST:
        found.add(words[0])
    return found


def compile_domains(
    trusts: Iterable[Trust],
    aliases: Iterable[tuple[str, str]] = (),
    known: Iterable[tuple[str, str, str]] = (),
) -> list[DomainLabel]:
    """Every label that names a trust: acronyms, names, aliases ``(code, alias)`` and known
    domains ``(domain, code, reason)``."""
    rows: list[DomainLabel] = []
    codes = set()
    for trust in trusts:
        codes.add(trust.code)
        rows += [DomainLabel(a, trust.code, "acronym") for a in sorted(acronyms(trust))]
        rows += [DomainLabel(n, trust.code, "name") for n in sorted(name_labels(trust))]
    for code, alias in aliases:
        label = re.sub(r"[^a-z0-9]", "", _fold(alias).lower())
        if code in codes and len(label) >= 3:
            rows.append(DomainLabel(label, code, "alias"))
    for domain, code, reason in known:
        labels, _ = domain_labels(domain)
        if code in codes:
            rows += [DomainLabel(label, code, "known", reason) for label in labels]
    return rows


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("&", "and"))
    return re.sub(r"['\u2019\u2018`]", "", "".join(c for c in text if not unicodedata.combining(c)))


def domain_labels(host: str) -> tuple[list[str], str]:
    """The organisation's labels in a host name, and what the host's ending says of its scope.

    ``foi.ysthft.nhs.uk`` -> (["ysthft"], ""); ``northumbriahealthcare-nhs.example`` ->
    (["northumbriahealthcare"], ""); ``nhs.net`` -> ([], ""); ``cardiff.wales.nhs.uk`` ->
    (["cardiff"], "an NHS Wales body").
    """
    host = host.lower().strip(". ")
    if host.startswith("www."):
        host = host[4:]
    if host in GENERIC_DOMAINS:
        return [], ""
    scope = ""
    for suffix in _SUFFIXES:
        if host == suffix:
            return [], _SCOPES.get(suffix, "")
        if host.endswith("." + suffix):
            scope = _SCOPES.get(suffix, "")
            host = host[: -len(suffix) - 1]
            break
    parts = host.split(".")
    if not scope and len(parts) > 1 and parts[-1] == "gov":
        scope, parts = _SCOPES["gov.uk"], parts[:-1]  # "medway.gov.<anything>": a council's
    elif len(parts) > 1 and parts[-1] == "icb":
        scope, parts = _SCOPES["icb"], parts[:-1]  # "kentandmedway.icb.nhs.uk": an ICB's
    labels: list[str] = []
    for part in parts:
        pieces = [p for p in part.split("-") if p and p not in _NOISE]
        if len(pieces) > 1:
            labels.append("".join(pieces))
        labels += pieces
    return [label for label in dict.fromkeys(labels) if len(label) >= 3], scope


def load_known_domains() -> list[tuple[str, str, str]]:
    """``data/domains.csv``: (domain, code, reason) for domains no pattern explains."""
    import csv
    import io
    from importlib import resources

    try:
        text = (
            resources.files("foi_audit.register.data")
            .joinpath("domains.csv")
            .read_text(encoding="utf-8")
        )
    except FileNotFoundError:
        return []
    return [
        (row["domain"].strip(), row["code"].strip(), row["reason"].strip())
        for row in csv.DictReader(io.StringIO(text))
    ]
