"""Every command is documented: in the README and with an example in its --help."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


def test_there_are_commands() -> None:
    assert {"ingest", "register"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_in_readme(command: str) -> None:
    assert f"foi-audit {command}" in README, f"README does not document `foi-audit {command}`"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_has_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`foi-audit {command} --help` shows no example"


def test_python_m_works() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "foi_audit", "--help"], capture_output=True, text=True, check=True
    )
    assert "ingest" in out.stdout


def test_version() -> None:
    from foi_audit import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"foi-audit {__version__}"
