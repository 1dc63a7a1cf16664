"""The trust register: NHS trusts in England from the NHS ODS trust extract (etr.csv).

Compiled into ``foi_audit/data/trusts.csv`` by :func:`compile_register` (``foi-audit register
--rebuild``). Contains public sector information licensed under the Open Government Licence
v3.0 (NHS Organisation Data Service).

Trust type is not in the ODS extract: it is inferred from the name and corrected by
``data/trust_type_corrections.csv``; common short names live in ``data/aliases.csv``.

The register also records which trust took over a closed one (``data/successions.csv`` and
what the extract itself shows, see :mod:`foi_audit.register.successions`) and the bodies that
answer FOI requests but are not NHS trusts in England (``data/other_bodies.csv``: Welsh trusts
from the extract's country ``W`` rows, Welsh health boards, Scottish boards, national bodies),
so that a reply from one is reported as out of scope rather than left unmatched.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from foi_audit.errors import RegisterError
from foi_audit.fileio import write_csv
from foi_audit.records import Trust
from foi_audit.register.successions import (
    SUCCESSION_COLUMNS,
    Succession,
    infer_successions,
    merge_successions,
    successor_on,
)

REGISTER_COLUMNS = ("code", "name", "region", "trust_type", "open_date", "close_date", "postcode")

# NHS England commissioning regions by the national grouping code in field 3 of etr.csv.
REGIONS = {
    "Y56": "London", "Y58": "South West", "Y59": "South East", "Y60": "Midlands",
    "Y61": "East of England", "Y62": "North West", "Y63": "North East and Yorkshire",
}  # fmt: skip
TRUST_TYPES = ("acute", "mental_health", "community", "ambulance", "specialist")

# Words kept in upper case when title-casing ODS names ("NHS", not "Nhs").
_UPPER = {"NHS", "UK", "II"}
_LOWER = {"and", "of", "the", "for", "on", "in", "at", "upon"}


@dataclass(frozen=True)
class Alias:
    """A short name people use for a trust; a weak one needs other evidence before it counts."""

    code: str
    alias: str
    strong: bool


@dataclass(frozen=True)
class OtherBody:
    """A body that answers FOI requests but is not an NHS trust in England (out of scope)."""

    name: str
    kind: str  # "Welsh health board", "Scottish NHS board", "national body", ...
    code: str = ""  # its ODS code where it has one
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Register:
    trusts: tuple[Trust, ...]
    successions: tuple[Succession, ...] = ()
    other_bodies: tuple[OtherBody, ...] = ()
    _by_code: dict[str, Trust] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self._by_code.update((t.code, t) for t in self.trusts)

    def get(self, code: str) -> Trust | None:
        return self._by_code.get(code.strip().upper())

    def other_body(self, code: str) -> OtherBody | None:
        """The out-of-scope body with this ODS code (a Welsh trust or health board), if any."""
        code = code.strip().upper()
        return next((b for b in self.other_bodies if b.code and b.code == code), None)

    def successor_on(self, code: str, day: str) -> str:
        """The trust answering for ``code`` on an ISO date: itself while open, else the trust
        that took it over (following later mergers too); itself when no successor is known."""
        return successor_on(code, day, self.successions, self._by_code)[0]

    def open_on(self, day: str) -> list[Trust]:
        """Trusts open on an ISO date (opened on or before, not closed before)."""
        import datetime as dt

        try:
            day = dt.date.fromisoformat(day).isoformat()
        except ValueError:
            raise RegisterError(f"{day!r} is not a date like 2024-01-15") from None
        return [
            t
            for t in self.trusts
            if t.open_date <= day and (not t.close_date or t.close_date > day)
        ]

    def search(self, query: str) -> list[Trust]:
        """Trusts whose code, name or alias contains every word of ``query``.

        Apostrophes and "&" are ignored, so "kings lynn" finds "King's Lynn".
        """
        words = _search_key(query).split()
        found = []
        for trust in self.trusts:
            hay = _search_key(" ".join((trust.code, trust.name, *trust.aliases)))
            if all(w in hay for w in words):
                found.append(trust)
        return found


def _search_key(text: str) -> str:
    text = text.lower().replace("&", " and ")
    return re.sub(r"['\u2019`]", "", text)


def title_case(name: str) -> str:
    """``THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST`` -> trust style."""
    words = []
    for index, word in enumerate(name.split()):
        core = word.strip(",.()")
        if core in _UPPER:
            words.append(word)
        elif index and core.lower() in _LOWER:
            words.append(word.lower())
        else:
            words.append("-".join(_cap(part) for part in word.lower().split("-")))
    return " ".join(words)


def _cap(part: str) -> str:
    # "king's" -> "King's"; "st." -> "St."
    return part[:1].upper() + part[1:] if part else part


def infer_trust_type(name: str) -> str:
    upper = name.upper()
    if "AMBULANCE" in upper:
        return "ambulance"
    if any(w in upper for w in ("MENTAL HEALTH", "PARTNERSHIP", "TAVISTOCK", "CARE TRUST")):
        return "mental_health"
    if "COMMUNITY" in upper:
        return "community"
    if any(
        w in upper
        for w in (
            "CHILDREN",
            "CANCER",
            "HEART",
            "ORTHOPAEDIC",
            "EYE HOSPITAL",
            "WOMEN",
            "CHRISTIE",
            "CLATTERBRIDGE",
            "ROYAL MARSDEN",
            "NEUROLOGY",
            "PAPWORTH",
        )
    ):
        return "specialist"
    return "acute"


def _iso(value: str) -> str:
    value = value.strip()
    if re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def _data_text(name: str) -> str:
    return resources.files("foi_audit.register.data").joinpath(name).read_text(encoding="utf-8")


def _data_rows(name: str) -> list[dict[str, str]]:
    try:
        text = _data_text(name)
    except FileNotFoundError:
        return []
    return list(csv.DictReader(io.StringIO(text)))


def _corrections() -> dict[str, str]:
    """Hand-reviewed trust types (``data/trust_type_corrections.csv``) that beat the guess."""
    found = {}
    for row in _data_rows("trust_type_corrections.csv"):
        if row["trust_type"] not in TRUST_TYPES:
            raise RegisterError(
                f"trust_type_corrections.csv: {row['code']} has type {row['trust_type']!r}; "
                f"use one of {', '.join(TRUST_TYPES)}"
            )
        found[row["code"]] = row["trust_type"]
    return found


def _name_corrections() -> dict[str, str]:
    """Names as trusts write them where title-casing the ODS name gets it wrong."""
    return {row["code"]: row["name"] for row in _data_rows("name_corrections.csv")}


@cache
def load_aliases() -> tuple[Alias, ...]:
    """Short names from ``data/aliases.csv`` (code, alias, strength = strong | weak)."""
    aliases = []
    for row in _data_rows("aliases.csv"):
        strength = (row.get("strength") or "strong").strip()
        if strength not in ("strong", "weak"):
            raise RegisterError(
                f"aliases.csv: {row['alias']!r} has strength {strength!r}; use strong or weak"
            )
        aliases.append(Alias(row["code"].strip(), row["alias"].strip(), strength == "strong"))
    return tuple(aliases)


def _aliases() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for alias in load_aliases():
        found.setdefault(alias.code, []).append(alias.alias)
    return {code: tuple(names) for code, names in found.items()}


def compile_register(etr_text: str) -> list[dict[str, str]]:
    """Rows of the register from the text of an ODS ``etr.csv`` (England only)."""
    corrections = _corrections()
    names = _name_corrections()
    rows = []
    for number, fields in enumerate(csv.reader(io.StringIO(etr_text)), start=1):
        if not fields:
            continue
        if len(fields) < 12 or not re.fullmatch(r"[A-Z0-9]{3,5}", fields[0].strip()):
            raise RegisterError(
                f"line {number} is not an ODS etr.csv record: "
                "download the trust extract (etr.csv) from NHS ODS"
            )
        code = fields[0].strip()
        country = fields[23].strip() if len(fields) > 23 else ""
        if country == "W":  # Welsh trusts answer under the same Act but are not in scope
            continue
        name = names.get(code) or title_case(fields[1].strip())
        rows.append(
            {
                "code": code,
                "name": name,
                "region": REGIONS.get(fields[2].strip(), ""),
                "trust_type": corrections.get(code) or infer_trust_type(fields[1]),
                "open_date": _iso(fields[10]),
                "close_date": _iso(fields[11]),
                "postcode": fields[9].strip(),
            }
        )
    if not rows:
        raise RegisterError("the ODS extract has no English trusts: is it etr.csv?")
    return sorted(rows, key=lambda r: r["code"])


def write_register(rows: Iterable[dict[str, str]], target: Path) -> None:
    write_csv(target, REGISTER_COLUMNS, rows)


def fetch_etr(source: str) -> str:
    """The text of an etr.csv from a file path or an https URL (the only network use)."""
    if re.match(r"https?://", source):
        import urllib.request

        try:
            with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310
                data: bytes = response.read()
        except OSError as exc:
            raise RegisterError(f"could not download {source}: {exc}") from exc
        if data[:2] == b"PK":
            import zipfile

            archive = zipfile.ZipFile(io.BytesIO(data))
            member = next((n for n in archive.namelist() if n.lower().endswith(".csv")), None)
            if member is None:
                raise RegisterError(f"{source} is a zip without a CSV inside")
            data = archive.read(member)
        return data.decode("utf-8-sig", errors="replace")
    path = Path(source)
    if not path.exists():
        raise RegisterError(f"{path} does not exist: pass the path of an ODS etr.csv")
    return path.read_text(encoding="utf-8-sig", errors="replace")


def rebuild(source: str, target: Path | None = None) -> int:
    """Rebuild the packaged register from a newer etr.csv; returns the number of trusts."""
    text = fetch_etr(source)
    rows = compile_register(text)
    target = target or Path(str(resources.files("foi_audit.register.data").joinpath("trusts.csv")))
    write_register(rows, target)
    _write_other_bodies(compile_other_bodies(text), target.parent / "other_bodies.csv")
    load_register.cache_clear()
    load_other_bodies.cache_clear()
    return len(rows)


def _write_other_bodies(welsh: list[dict[str, str]], target: Path) -> None:
    """other_bodies.csv with the extract's Welsh rows added to the hand-made ones (kept)."""
    rows = [
        {
            "code": b.code,
            "name": b.name,
            "kind": b.kind,
            "aliases": ";".join(b.aliases),
            "source": "",
        }
        for b in load_other_bodies()
    ]
    sources = {(r["code"], r["name"]): r["source"] for r in _data_rows("other_bodies.csv")}
    for row in rows:
        row["source"] = sources.get((row["code"], row["name"]), "")
    have = {r["code"] for r in rows if r["code"]}
    rows += [r for r in welsh if r["code"] not in have]
    write_csv(target, ("code", "name", "kind", "aliases", "source"), rows)


def load_successions(trusts: Sequence[Trust]) -> tuple[Succession, ...]:
    """``data/successions.csv`` and, for closed trusts it does not name, what the register shows."""
    known = {t.code for t in trusts}
    table = []
    for number, row in enumerate(_data_rows("successions.csv"), start=2):
        if set(SUCCESSION_COLUMNS) - set(row):
            raise RegisterError(
                f"successions.csv needs the columns {', '.join(SUCCESSION_COLUMNS)}"
            )
        code, successor = row["code"].strip(), row["successor"].strip()
        if code not in known or successor not in known:
            continue  # a register rebuilt without these trusts: the row does not apply
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"].strip()):
            raise RegisterError(f"successions.csv line {number}: {row['date']!r} is not a date")
        table.append(Succession(code, successor, row["date"].strip(), row["source"], row["reason"]))
    return merge_successions(table, infer_successions(trusts))


@cache
def load_other_bodies() -> tuple[OtherBody, ...]:
    """``data/other_bodies.csv``: bodies whose replies are out of scope, by name and code."""
    return tuple(
        OtherBody(
            name=row["name"].strip(),
            kind=row["kind"].strip(),
            code=row["code"].strip(),
            aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
        )
        for row in _data_rows("other_bodies.csv")
    )


def compile_other_bodies(etr_text: str) -> list[dict[str, str]]:
    """The Welsh rows (country ``W``) of an ODS ``etr.csv``: trusts out of scope here."""
    rows = []
    for fields in csv.reader(io.StringIO(etr_text)):
        if len(fields) > 23 and fields[23].strip() == "W":
            rows.append(
                {
                    "code": fields[0].strip(),
                    "name": title_case(fields[1].strip()),
                    "kind": "Welsh NHS trust" if "TRUST" in fields[1].upper() else "Welsh NHS body",
                    "aliases": "",
                    "source": "etr.csv (country W)",
                }
            )
    return rows


@cache
def load_register() -> Register:
    try:
        text = _data_text("trusts.csv")
    except FileNotFoundError as exc:
        raise RegisterError(
            "the trust register is missing: run `foi-audit register --rebuild PATH/etr.csv`"
        ) from exc
    aliases = _aliases()
    trusts = tuple(
        Trust(
            code=r["code"],
            name=r["name"],
            region=r["region"],
            trust_type=r["trust_type"],
            open_date=r["open_date"],
            close_date=r["close_date"],
            postcode=r["postcode"],
            aliases=aliases.get(r["code"], ()),
        )
        for r in csv.DictReader(io.StringIO(text))
    )
    return Register(trusts, load_successions(trusts), load_other_bodies())


def find_trusts(search: str = "", open_on: str = "") -> list[Trust]:
    """``foi-audit register``: every trust, or those matching ``search`` and open on ``open_on``."""
    register = load_register()
    trusts = register.search(search) if search else list(register.trusts)
    if open_on:
        open_codes = {t.code for t in register.open_on(open_on)}
        trusts = [t for t in trusts if t.code in open_codes]
    return trusts


def nothing_found_note(search: str) -> str:
    """Why a search found no trust: the register is England's NHS trusts only; a body outside
    it that the search names (a Welsh health board, NHS England ...) is said to be out of scope."""
    register = load_register()
    words = _search_key(search).split()
    bodies = [
        b
        for b in register.other_bodies
        if words and all(w in _search_key(" ".join((b.code, b.name, *b.aliases))) for w in words)
    ]
    covers = "The register covers NHS trusts in England only (NHS ODS trust extract)"
    if bodies:
        named = "; ".join(
            f"{b.name} ({b.kind}{', ' + b.code if b.code else ''})" for b in bodies[:3]
        )
        return (
            f"{covers}. Out of scope: {named}; its replies are reported out_of_scope, not counted."
        )
    return (
        f"{covers}: nothing matches {search!r}. Health boards in Wales and Scotland, ICBs, "
        "NHS England and councils are out of scope; check the spelling, or try fewer words."
    )


def register_rows(trusts: Sequence[Trust]) -> list[dict[str, str]]:
    return [
        {
            "code": t.code,
            "name": t.name,
            "region": t.region,
            "trust_type": t.trust_type,
            "open_date": t.open_date,
            "close_date": t.close_date,
            "postcode": t.postcode,
        }
        for t in trusts
    ]
