"""End to end: the BMJ/Guardian headline regenerated from raw replies.

Every English trust open on 2021-01-01 is asked (213, some closed since, so the register must
know them); 207 reply, 20 of them with a dedicated sexual-safety policy. The summary must say
"20 of 207", 9.7%, its Wilson interval and "fewer than 1 in 10", with the asked -> replied chain.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.register.trusts import load_register

pytestmark = pytest.mark.slow

DEDICATED = (
    "1. Does the Trust have a dedicated policy on sexual safety or sexual harassment of staff?\n"
    "Response: Yes. Our Sexual Safety Policy was approved by the Board in 2023 and is attached."
)
BROADER = (
    "1. Does the Trust have a dedicated policy on sexual safety or sexual harassment of staff?\n"
    "Response: No. The Trust does not have a dedicated policy; sexual harassment is covered by "
    "our Dignity at Work Policy."
)
REST = (
    "2. Does the Trust provide Active Bystander Training to staff?\n"
    "Response: No, the Trust does not currently provide Active Bystander Training.\n\n"
    "3. If not, does the Trust plan to introduce it?\n"
    "Response: Yes, we plan to introduce it next year.\n\n"
    "4. Has the Trust appointed an executive lead for domestic abuse and sexual violence?\n"
    "Response: Yes, the Chief Nurse is our executive lead."
)


def _reply(name: str, dedicated: bool) -> str:
    return (
        f"{name}\nFreedom of Information Team\n\nSYNTHETIC EXAMPLE - not a real FOI reply.\n\n"
        "Dear Requester,\n\nThank you for your request. Our response is below.\n\n"
        f"{DEDICATED if dedicated else BROADER}\n\n{REST}\n\nYours sincerely,\nFOI Officer\n{name}\n"
    )


def test_bmj_headline_from_raw_replies(tmp_path: Path) -> None:
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    runner = CliRunner()
    asked = runner.invoke(
        app, ["asked", "--all-open-trusts", "--date", "2021-01-01", "--out", str(raw / "asked.csv")]
    )
    assert asked.exit_code == 0, asked.output
    trusts = load_register().open_on("2021-01-01")
    assert len(trusts) == 213 and any(t.close_date for t in trusts)
    replying = trusts[:207]  # the last 6 never reply
    for number, trust in enumerate(replying):
        reply = _reply(trust.name, dedicated=number % 10 == 0 and number < 200)
        (raw / f"FOI response {number:03d}.txt").write_text(reply, encoding="utf-8")

    ingested = runner.invoke(app, ["ingest", str(raw), "--jobs", "2"])
    assert ingested.exit_code == 0, ingested.output
    summary = runner.invoke(
        app, ["summary", "--processed", str(tmp_path / "data" / "processed"), "--json"]
    )
    assert summary.exit_code == 0, summary.output
    result = json.loads(summary.output)
    assert (result["asked"], result["replied"]) == (213, 207)
    policy = next(q for q in result["questions"] if q["field"] == "policy")
    dedicated = next(v for v in policy["values"] if v["value"] == "dedicated")
    assert (dedicated["count"], dedicated["denominator"]) == (20, 207)
    assert round(dedicated["percent"], 1) == 9.7
    assert (round(dedicated["ci_low"], 1), round(dedicated["ci_high"], 1)) == (6.3, 14.5)
    assert dedicated["phrase"] == "fewer than 1 in 10"
    assert "213 asked → 207 replied → 207 answered" in dedicated["headline"]

    text = runner.invoke(app, ["summary", "--processed", str(tmp_path / "data" / "processed")])
    assert "20 of 207 trusts (9.7%, 95% CI 6.3%–14.5%)" in text.output
    assert "fewer than 1 in 10" in text.output
