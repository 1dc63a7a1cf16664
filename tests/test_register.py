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
