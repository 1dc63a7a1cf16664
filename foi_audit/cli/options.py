"""Options shared by several commands, each defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_PROCESSED = Path("data/processed")

Processed = Annotated[
    Path,
    typer.Option(
        "--processed", help="The processed folder (asked.csv is read from raw/ beside it)."
    ),
]
ReviewProcessed = Annotated[
    Path,
    typer.Option(
        "--processed", help="The processed folder; decisions go to overrides.csv beside it."
    ),
]
# Commands that read processed data: the codebook ingest recorded, unless told otherwise.
RecordedCodebook = Annotated[
    Path | None,
    typer.Option(
        "--codebook",
        help="The codebook the data were coded with [default: the one ingest recorded in "
        "processed/manifest.json].",
    ),
]
# Commands that start from a codebook: the built-in study's, unless told otherwise.
StudyCodebook = Annotated[
    Path | None,
    typer.Option("--codebook", help="Another study's codebook (TOML) instead of the built-in one."),
]
JsonOut = Annotated[bool, typer.Option("--json", help="Print JSON.")]
