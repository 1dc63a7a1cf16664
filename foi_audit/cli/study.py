"""``foi-audit init``: a study folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from foi_audit.cli.output import answer, stderr


def init(
    folder: Annotated[
        Path, typer.Argument(help="The study's folder (made if missing) [default: here].")
    ] = Path("."),
    title: Annotated[
        str, typer.Option("--title", help="The study's title [default: the folder's name].")
    ] = "",
) -> None:
    """Make a study folder: foi-audit.toml (commented) and an empty raw/ for the replies.

    foi-audit.toml names the study's folders and side files: raw/ (replies), processed/
    (outputs), asked.csv, mapping.csv, overrides.csv, the codebook and exclude patterns.
    Every command run in the folder, or below it, then uses the study: `foi-audit ingest`
    and `foi-audit summary` need no arguments. An existing foi-audit.toml is never replaced.

    Example: foi-audit init sexual-safety-2024 --title "Sexual safety in NHS trusts, 2024"
    """
    from foi_audit.dataset.study_folder import init_study

    study = answer(lambda: init_study(folder, title))
    where = "" if folder == Path(".") else f"cd {folder} && "
    stderr().print(
        f"Wrote {study.file} ({study.title}). Next: copy the replies into {study.raw}, then "
        f"{where}foi-audit ingest && foi-audit summary",
        markup=False,
        soft_wrap=True,
    )
