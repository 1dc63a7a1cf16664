"""Shared fixtures. Tests never read ../shared: every fixture is made here or under fixtures/."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty data folder: tmp/data/raw exists, tmp/data/processed does not yet."""
    (tmp_path / "data" / "raw").mkdir(parents=True)
    return tmp_path / "data"
