"""The HTML report: self-contained, escaped, and what a reader sees in a real headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from foi_audit.coding import load_codebook
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import OVERRIDES_COLUMNS
from foi_audit.dataset.trusts import refresh_trusts
from foi_audit.figures.html_report import json_for_script, report_data, simple_counts, write_report
from foi_audit.records import CodedValue, Flag, FlagReason
from foi_audit.register.trusts import load_register

FIXTURE = Path(__file__).parent / "fixtures" / "review" / "processed"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

HEDGED = (Flag(FlagReason.HEDGED_ANSWER),)


@pytest.fixture
def report(project: Path, tmp_path: Path) -> tuple[Path, Any]:
    """The fixture data with one override (R1F policy), written as report.html."""
    shutil.copytree(FIXTURE, project / "processed")
    layout = Layout.from_dirs(project / "raw", project / "processed")
    layout.overrides_csv.write_text(
        ",".join(OVERRIDES_COLUMNS)
        + "\nR1F,policy,dedicated,ann,2024-06-01,policy named in appendix,general_only\n",
        encoding="utf-8",
    )
    refresh_trusts(layout, load_register(), load_codebook())
    out = tmp_path / "report.html"
    return out, write_report(layout, out, generated=date(2025, 1, 2))


def test_json_for_script_cannot_close_the_script() -> None:
    text = json_for_script({"q": "</script><script>alert(1)</script> <!-- & \u2028"})
    assert "</" not in text and "<!--" not in text and "&" not in text
    assert json.loads(text) == {"q": "</script><script>alert(1)</script> <!-- & \u2028"}


def test_page_is_self_contained_and_escaped(report: tuple[Path, Any]) -> None:
    out, info = report
    page = out.read_text(encoding="utf-8")
    assert info.trusts == 3 and info.overridden == 1
    assert info.needs_review == 3  # R1F policy was decided
    assert "<script>window.pwned" not in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page)  # nothing fetched
    assert page.count("</script>") == 2  # the data element and the page's script only


def test_report_data_cells_and_fallback_counts() -> None:
    codebook = load_codebook()
    coded = [
        CodedValue("RGT", "policy", "dedicated", "q1", "a.pdf", "page 2", 0.9, "r"),
        CodedValue("RJ1", "policy", "none", "q2", "b.pdf", "page 1", 0.4, "r", HEDGED),
        CodedValue("RZZ", "policy", "", rule="r"),
    ]
    summary = simple_counts(coded, codebook)
    assert [(r["value"], r["count"], r["denominator"]) for r in summary["rows"]] == [
        ("a dedicated sexual-safety policy", 1, 2),
        ("no policy", 1, 2),
    ]
    data = report_data(coded, codebook, load_register(), summary)
    assert [t["code"] for t in data["trusts"]] == ["RGT", "RJ1", "RZZ"]
    assert data["trusts"][2]["region"] == "(unknown)"
    assert data["trusts"][1]["cells"]["policy"] == {
        "v": "none", "label": "no policy", "q": "q2",
        "question": "Q1. Does the Trust have a dedicated policy on sexual safety / sexual "
        "harassment of staff?",
        "src": "b.pdf", "href": "", "loc": "page 1", "rule": "r", "conf": 0.4, "machine": "",
        "machine_v": "", "nr": True, "flags": "hedged answer", "ov": False, "note": "",
    }  # fmt: skip
    assert data["regions"] == ["(unknown)", "East of England", "London"]


# ---------------------------------------------------------------- in a real browser


@pytest.fixture
def browser() -> Iterator[Any]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("CI must install chromium and chromium-driver for the browser tests")
        pytest.skip(
            "chromium / chromedriver not installed (apt-get install chromium chromium-driver)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _visible_rows(driver: Any) -> list[str]:
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, "#grid tbody tr")
    return [r.get_attribute("data-code") for r in rows if r.is_displayed()]


def _cell(driver: Any, code: str, field: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'tr[data-code="{code}"] td[data-field="{field}"]')


@pytest.mark.browser
def test_what_a_reader_sees(report: tuple[Path, Any], browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    out, _ = report
    browser.get(out.as_uri())
    assert browser.execute_script("return window.pwned === undefined")

    # summary on top, then the grid: one row per trust
    assert browser.find_element(By.ID, "figures").text
    assert _visible_rows(browser) == ["R1F", "RGT", "RJ1"]
    assert _cell(browser, "RGT", "policy").text == "a dedicated sexual-safety policy"
    footer = browser.find_element(By.ID, "footer").text
    assert footer.startswith("foi-audit 0.1.0, ") and "generated 2025-01-02" in footer
    assert "codebook sexual-safety-abt " in footer
    assert "3 of 3 trusts shown" in browser.find_element(By.ID, "shown-count").text

    # clicking a cell opens its quote, source and locator
    panel = browser.find_element(By.ID, "panel")
    assert not panel.is_displayed()
    _cell(browser, "RGT", "abt_provided").find_element(By.TAG_NAME, "button").click()
    assert panel.is_displayed()
    assert browser.find_element(By.ID, "panel-quote").text == (
        "\u201cActive Bystander Training is offered to all staff.\u201d"
    )
    assert browser.find_element(By.ID, "panel-source").text == "CUH/reply.eml > answers.pdf"
    link = browser.find_element(By.CSS_SELECTOR, "#panel-source a")
    assert (
        link.get_attribute("href") == (out.parent / "data" / "raw" / "CUH" / "reply.eml").as_uri()
    )
    assert browser.find_element(By.ID, "panel-question").text.startswith(
        "Q2. Does the Trust provide Active Bystander Training"
    )
    assert browser.find_element(By.ID, "panel-locator").text == "page 2"
    browser.find_element(By.ID, "panel-close").click()
    assert not panel.is_displayed()

    # a malicious quote is shown as text and never run
    _cell(browser, "RJ1", "policy").find_element(By.TAG_NAME, "button").click()
    assert browser.find_element(By.ID, "panel-quote").text.startswith(
        "\u201c<script>window.pwned=1</script> We have no policy & no plans."
    )
    assert browser.execute_script("return window.pwned === undefined")
    browser.find_element(By.ID, "panel-close").click()

    # the overridden cell is marked and its panel shows the decision and the machine's quote
    overridden = _cell(browser, "R1F", "policy")
    assert "overridden" in overridden.get_attribute("class")
    assert overridden.text == "a dedicated sexual-safety policy ✎"
    overridden.find_element(By.TAG_NAME, "button").click()
    assert "policy named in appendix" in browser.find_element(By.ID, "panel-override").text
    assert browser.find_element(By.ID, "panel-machine").text == (
        "only a broader policy (general_only)"
    )
    assert browser.find_element(By.ID, "panel-rule").text == "broader_policy"
    assert "Dignity at Work" in browser.find_element(By.ID, "panel-quote").text
    browser.find_element(By.ID, "panel-close").click()
    assert "overridden" not in _cell(browser, "RGT", "policy").get_attribute("class")

    # needs review only: R1F's only flag was decided, so its row goes; unflagged cells hide
    browser.find_element(By.ID, "needs-review-only").click()
    assert _visible_rows(browser) == ["RGT", "RJ1"]
    assert not _cell(browser, "RGT", "policy").find_element(By.TAG_NAME, "button").is_displayed()
    assert _cell(browser, "RGT", "abt_provider").text == "Upstand Ltd ?"

    # with a field chosen, only its column shows and only rows flagged in it
    Select(browser.find_element(By.ID, "field-filter")).select_by_value("policy")
    assert _visible_rows(browser) == ["RJ1"]
    assert not _cell(browser, "RJ1", "abt_provided").is_displayed()
    browser.find_element(By.ID, "needs-review-only").click()
    Select(browser.find_element(By.ID, "field-filter")).select_by_value("")

    # region filter
    Select(browser.find_element(By.ID, "region-filter")).select_by_visible_text("London")
    assert _visible_rows(browser) == ["RJ1"]
    assert "1 of 3 trusts shown" in browser.find_element(By.ID, "shown-count").text


@pytest.mark.browser
def test_the_grid_fits_a_1366_screen(
    report: tuple[Path, Any], browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    out, _ = report
    browser.set_window_size(1366, 768)
    browser.get(out.as_uri())
    inner, scroll = browser.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth]"
    )
    assert scroll <= inner  # no sideways scrolling
    names = browser.find_elements(By.CSS_SELECTOR, "#grid tbody th.trust-col")
    lines = (  # the height of the name's text in lines of its font
        "var r = document.createRange(); r.selectNodeContents(arguments[0]);"
        "return r.getBoundingClientRect().height / parseFloat(getComputedStyle(arguments[0]).fontSize)"
    )
    for name in names:  # one line each, the full name as a tooltip
        assert browser.execute_script(lines, name) < 1.8
        assert name.get_attribute("title").startswith(name.text.split(" ")[0])
    assert (
        browser.execute_script(
            "return getComputedStyle(document.querySelector('#grid tbody th')).position"
        )
        == "sticky"
    )
    shot = tmp_path / "report-1366.png"
    assert browser.save_screenshot(str(shot))
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size[0] == inner or image.size[0] == 1366
