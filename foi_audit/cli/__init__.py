"""The command line: the only place that imports typer; each command is one library call."""

from foi_audit.cli.app import main

__all__ = ["main"]
