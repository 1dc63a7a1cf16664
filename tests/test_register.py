"""The trust register: compiling an ODS etr.csv, rebuilding, searching, and the reviewed data."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from foi_audit.errors import RegisterError
from foi_audit.records import Trust
from foi_audit.register import trusts as reg

FIXTURE = Path(__file__).parent / "fixtures" / "register"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def test_compile_matches_golden_file() -> None:
    rows = reg.compile_register((FIXTURE / "etr.csv").read_text(encoding="utf-8"))
    assert rows == read_rows(FIXTURE / "expected.csv")


def test_compile_applies_corrections_and_skips_wales() -> None:
    rows = {r["code"]: r for r in reg.compile_register((FIXTURE / "etr.csv").read_text())}
    assert "7A1" not in rows  # Welsh health board
    # Name and type corrections from the packaged data files beat title case and the guess.
    assert rows["RDY"]["name"] == "Dorset HealthCare University NHS Foundation Trust"
    assert rows["RDY"]["trust_type"] == "mental_health"
    assert reg.infer_trust_type("HEART OF ENGLAND NHS FOUNDATION TRUST") == "specialist"
    assert rows["RR1"]["trust_type"] == "acute"
    assert rows["RR1"]["close_date"] == "2018-04-01"


def test_compile_rejects_a_file_that_is_not_etr() -> None:
    with pytest.raises(RegisterError, match="etr.csv"):
        reg.compile_register("name,address\nfoo,bar\n")
    with pytest.raises(RegisterError, match="no English trusts"):
        reg.compile_register((FIXTURE / "etr.csv").read_text().splitlines()[-1] + "\n")


def test_rebuild_from_a_file(tmp_path: Path) -> None:
    target = tmp_path / "trusts.csv"
    count = reg.rebuild(str(FIXTURE / "etr.csv"), target)
    assert count == 5
    assert read_rows(target) == read_rows(FIXTURE / "expected.csv")


def test_rebuild_from_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="does not exist"):
        reg.rebuild(str(tmp_path / "nope.csv"), tmp_path / "trusts.csv")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """A local web server (no outside network) serving etr.csv and etr.zip."""
    (tmp_path / "etr.csv").write_bytes((FIXTURE / "etr.csv").read_bytes())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("etr.csv", (FIXTURE / "etr.csv").read_bytes())
    (tmp_path / "etr.zip").write_bytes(buffer.getvalue())

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("name", ["etr.csv", "etr.zip"])
def test_rebuild_from_a_url(served: str, tmp_path: Path, name: str) -> None:
    target = tmp_path / "out" / "trusts.csv"
    target.parent.mkdir()
    assert reg.rebuild(f"{served}/{name}", target) == 5
    assert read_rows(target) == read_rows(FIXTURE / "expected.csv")


def test_rebuild_from_a_bad_url(served: str, tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="could not download"):
        reg.rebuild(f"{served}/missing.csv", tmp_path / "trusts.csv")


# --- the packaged register ---------------------------------------------------------------------


def test_search_ignores_apostrophes_ampersands_and_finds_aliases() -> None:
    register = reg.load_register()
    assert [t.code for t in register.search("kings lynn")] == ["RCX"]
    assert [t.code for t in register.search("King's Lynn")] == ["RCX"]
    assert [t.code for t in register.search("BHRUT")] == ["RF4"]
    assert "RJ1" in [t.code for t in register.search("guys & st thomas")]
    assert register.search("no such trust anywhere") == []


def test_get_and_open_on() -> None:
    register = reg.load_register()
    trust = register.get("rdy")
    assert trust is not None and trust.name.startswith("Dorset HealthCare")
    assert register.get("ZZZ") is None
    open_2020 = {t.code for t in register.open_on("2020-01-01")}
    assert "RD3" in open_2020  # Poole Hospital, closed 2020-09-30
    assert "G6V2S" not in open_2020  # opened 2024-11-01
    open_2025 = {t.code for t in register.open_on("2025-01-15")}
    assert "G6V2S" in open_2025 and "RD3" not in open_2025


def test_open_on_boundaries() -> None:
    register = reg.Register(
        (Trust("ZZ1", "Example NHS Trust", "London", "acute", "2020-04-01", "2021-03-31"),)
    )
    assert [t.code for t in register.open_on("2020-04-01")] == ["ZZ1"]
    assert register.open_on("2020-03-31") == []
    assert register.open_on("2021-03-31") == []  # closed that day


def test_reviewed_types_are_in_the_packaged_register() -> None:
    register = reg.load_register()
    expected = {
        "RDY": "mental_health",  # Dorset HealthCare
        "R1L": "mental_health",  # Essex Partnership
        "RYW": "community",  # Birmingham Community Healthcare
        "RP4": "specialist",  # Great Ormond Street
        "RP6": "specialist",  # Moorfields
        "RT3": "specialist",  # Royal Brompton (closed)
        "RX9": "ambulance",
        "RRK": "acute",
    }
    assert {code: register.get(code).trust_type for code in expected} == expected  # type: ignore[union-attr]


def test_every_open_trust_has_a_known_type_and_an_alias() -> None:
    register = reg.load_register()
    open_trusts = [t for t in register.trusts if not t.close_date]
    assert len(open_trusts) > 150
    assert {t.trust_type for t in register.trusts} <= set(reg.TRUST_TYPES)
    assert [t.code for t in open_trusts if not t.aliases] == []


def test_data_files_are_consistent() -> None:
    codes = {t.code for t in reg.load_register().trusts}
    corrections = reg._data_rows("trust_type_corrections.csv")
    assert corrections and all(r["code"] in codes and r["reason"] for r in corrections)
    aliases = reg.load_aliases()
    assert all(a.code in codes for a in aliases)
    strong: dict[str, set[str]] = {}
    for alias in aliases:
        if alias.strong:
            strong.setdefault(alias.alias.lower(), set()).add(alias.code)
    # A strong alias names one trust; anything shared must be marked weak.
    assert {name: c for name, c in strong.items() if len(c) > 1} == {}


def test_title_case() -> None:
    assert (
        reg.title_case("THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST")
        == "The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust"
    )
    assert reg.title_case("NEWCASTLE UPON TYNE HOSPITALS") == "Newcastle upon Tyne Hospitals"


def test_open_on_needs_a_real_date() -> None:
    from foi_audit.errors import RegisterError
    from foi_audit.register.trusts import load_register

    with pytest.raises(RegisterError, match="not a date"):
        load_register().open_on("2024-13-01")


# --- successions -------------------------------------------------------------------------------


def _trust(code: str, name: str, opened: str, closed: str = "", postcode: str = "") -> Trust:
    return Trust(code, name, "London", "acute", opened, closed, postcode)


def test_successions_inferred_from_the_register_itself() -> None:
    from foi_audit.register.successions import infer_successions

    trusts = [
        # Same HQ postcode as a trust open the day after the close.
        _trust("ZA1", "Riverside Hospitals NHS Trust", "2000-04-01", "2020-03-31", "ZZ1 1AA"),
        _trust("ZA2", "Valley University NHS Trust", "2020-04-01", "", "ZZ1 1AA"),
        # A trust opening the next day sharing a distinctive name word ("Northbury").
        _trust("ZB1", "Northbury City Hospital NHS Trust", "2000-04-01", "2006-03-31", "ZZ2 2BB"),
        _trust("ZB2", "Northbury University Hospitals NHS Trust", "2006-04-01", "", "ZZ9 9ZZ"),
        _trust("ZB3", "Eastmarsh Partnership NHS Trust", "2006-04-01", "", "ZZ8 8ZZ"),
        # Only a trust opening the next day with no name in common: nothing is inferred.
        _trust("ZC1", "Heathfield Hospitals NHS Trust", "2000-04-01", "2014-09-30", "ZZ3 3CC"),
        _trust("ZC2", "Westmoor Healthcare NHS Trust", "2014-10-01", "", "ZZ4 4DD"),
    ]
    found = {s.code: s for s in infer_successions(trusts)}
    assert set(found) == {"ZA1", "ZB1"}
    assert (found["ZA1"].successor, found["ZA1"].date) == ("ZA2", "2020-04-01")
    assert "same HQ postcode" in found["ZA1"].source
    assert (found["ZB1"].successor, found["ZB1"].date) == ("ZB2", "2006-04-01")
    assert found["ZB1"].source.startswith("inferred")


def test_successor_on_follows_a_chain_of_mergers_by_date() -> None:
    from foi_audit.register.successions import Succession

    trusts = (
        _trust("ZA1", "First NHS Trust", "1990-04-01", "2012-03-31"),
        _trust("ZA2", "Second NHS Foundation Trust", "1995-04-01", "2017-09-30"),
        _trust("ZA3", "Third NHS Foundation Trust", "2017-10-01"),
    )
    register = reg.Register(
        trusts,
        (Succession("ZA1", "ZA2", "2012-04-01"), Succession("ZA2", "ZA3", "2017-10-01")),
    )
    assert register.successor_on("ZA1", "2010-01-01") == "ZA1"  # still open
    assert register.successor_on("ZA1", "2012-03-30") == "ZA1"
    assert register.successor_on("ZA1", "2012-04-01") == "ZA2"
    assert register.successor_on("ZA1", "2015-06-01") == "ZA2"
    assert register.successor_on("ZA1", "2024-11-01") == "ZA3"
    assert register.successor_on("ZA3", "2024-11-01") == "ZA3"


def test_packaged_successions_cover_every_closure_the_register_can_show() -> None:
    from foi_audit.register.successions import infer_successions

    register = reg.load_register()
    by_code = {t.code: t for t in register.trusts}
    table = reg._data_rows("successions.csv")
    assert {r["code"] for r in table} == {s.code for s in register.successions}
    for row in table:
        closed, successor = by_code[row["code"]], by_code[row["successor"]]
        assert closed.close_date and closed.close_date < row["date"]  # the day after the close
        assert successor.open_date <= row["date"]
        assert row["source"].startswith(("inferred", "public record")) and row["reason"]
    recorded = {r["code"]: r["successor"] for r in table}
    for inferred in infer_successions(register.trusts):
        assert recorded[inferred.code] == inferred.successor
    inferred_rows = [r for r in table if r["source"].startswith("inferred")]
    assert len(inferred_rows) >= 20
    # Closures the extract cannot explain are recorded from the public record.
    assert recorded["RY9"] == "RAX"  # Hounslow and Richmond -> Kingston and Richmond
    assert recorded["R1C"] == "RW1"  # Solent -> Hampshire and Isle of Wight Healthcare
    assert recorded["RRP"] == "G6V2S"  # Barnet, Enfield and Haringey -> North London
    closed = {t.code for t in register.trusts if t.close_date}
    assert len(closed - set(recorded)) <= 3  # NHS Direct, Nightingale, Dudley (services divided)


def test_packaged_register_knows_who_took_over() -> None:
    register = reg.load_register()
    assert register.successor_on("RY9", "2024-11-08") == "RAX"
    assert register.successor_on("RY9", "2024-10-01") == "RY9"
    assert register.successor_on("RM4", "2015-01-01") == "RW3"  # Trafford -> Central Manchester
    assert register.successor_on("RM4", "2024-01-01") == "R0A"  # ... -> Manchester University
    assert register.successor_on("RYH", "2024-01-01") == "RYH"  # NHS Direct: no successor


# --- bodies out of scope and domains -----------------------------------------------------------


def test_welsh_rows_of_the_extract_are_kept_as_bodies_out_of_scope(tmp_path: Path) -> None:
    text = (FIXTURE / "etr.csv").read_text()
    welsh = reg.compile_other_bodies(text)
    assert [(b["code"], b["kind"]) for b in welsh] == [("7A1", "Welsh NHS body")]
    reg.rebuild(str(FIXTURE / "etr.csv"), tmp_path / "trusts.csv")
    bodies = read_rows(tmp_path / "other_bodies.csv")
    assert {b["code"] for b in bodies} >= {"7A1", "RT4", "RQF", "RYT"}
    assert all(b["source"] for b in bodies)
    register = reg.load_register()
    assert register.get("RT4") is None
    body = register.other_body("RT4")
    assert body is not None and body.kind == "Welsh NHS trust"


def test_domain_labels_and_the_trusts_they_name() -> None:
    from foi_audit.register.domains import acronyms, domain_labels, name_labels

    register = reg.load_register()
    york = register.get("RCB")
    assert york is not None and "ysthft" in acronyms(york)
    swast = register.get("RYF")
    assert swast is not None and "swast" in acronyms(swast)
    northumbria = register.get("RTF")
    assert northumbria is not None and "northumbriahealthcare" in name_labels(northumbria)
    assert domain_labels("foi.ysthft.nhs.uk") == (["ysthft"], "")
    assert domain_labels("northumbriahealthcare-nhs.example")[0][0] == "northumbriahealthcare"
    assert domain_labels("nhs.net") == ([], "")
    assert domain_labels("gmail.com") == ([], "")
    assert domain_labels("cardiff.wales.nhs.uk") == (["cardiff"], "an NHS Wales body")
    assert domain_labels("warwickshire.gov.uk")[1] == "a council or government body"
    assert domain_labels("kentandmedway.icb.nhs.uk") == (
        ["kentandmedway"],
        "an integrated care board",
    )


def test_known_domains_name_trusts_in_the_register() -> None:
    from foi_audit.register.domains import load_known_domains

    codes = {t.code for t in reg.load_register().trusts}
    known = load_known_domains()
    assert known and all(code in codes and reason for _, code, reason in known)


def test_a_search_that_finds_no_trust_says_what_the_register_covers() -> None:
    from typer.testing import CliRunner

    from foi_audit.cli.app import app
    from foi_audit.register.trusts import nothing_found_note

    welsh = nothing_found_note("betsi")
    assert "England only" in welsh
    assert "Betsi Cadwaladr University Health Board (Welsh health board, 7A1)" in welsh
    assert "out of scope" in nothing_found_note("no such body anywhere").lower()
    result = CliRunner().invoke(app, ["register", "--search", "betsi"])
    assert result.exit_code == 0
    assert "England only" in result.output
