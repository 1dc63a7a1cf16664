"""What a run's outputs depend on besides the raw files: the readers' version and a hash of
the stages' own code and data (kept apart from the stages, so checking them is cheap)."""

from __future__ import annotations

import hashlib
from pathlib import Path

# Bump when a reader's output changes, so cached extractions are read again.
READER_VERSION = "23"


def files_fingerprint(*places: Path) -> str:
    """A hash of these code files and of the code and data files in these folders (not below
    them)."""
    digest = hashlib.sha256()
    for place in places:
        for path in sorted(place.glob("*")) if place.is_dir() else [place]:
            if path.suffix in {".py", ".toml", ".csv"}:
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def stages_fingerprint() -> str:
    """A hash of the code and data of every stage after reading (matching, coding, the
    register, dates, and what turns a reading into documents and caches their matches): an
    upgrade of any of them runs them again."""
    root = Path(__file__).parent.parent
    folders = ("coding", "matching", "register", "register/data", "requests")
    files = ("ingest/stages.py", "records.py")
    return files_fingerprint(*(root / name for name in (*folders, *files)))
