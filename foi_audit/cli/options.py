"""Options shared by several commands, each defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_PROCESSED = None  # the study's processed folder, else data/processed

Processed = Annotated[
    Path | None,
    typer.Option(
        "--processed",
        help="The processed folder [default: the study's (foi-audit.toml), else "
        "data/processed]; it knows where its replies and asked.csv are.",
    ),
]
ReviewProcessed = Annotated[
    Path | None,
    typer.Option(
        "--processed",
        help="The processed folder [default: the study's, else data/processed]; decisions go "
        "to the study's overrides.csv (outside a study: beside the processed folder).",
    ),
]
Study = Annotated[
    Path | None,
    typer.Option(
        "--study",
        help="The study folder (with foi-audit.toml) [default: found by walking up from the "
        "current folder].",
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
