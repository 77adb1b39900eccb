"""Shared fixtures: the real corpus (skipped when absent) and a fresh workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(os.environ.get("LEXWATCH_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus beside the checkout; the test is skipped when it is absent."""
    if not (CORPUS / "uk_2022-09.txt").is_file():
        pytest.skip("../shared/corpus is absent")
    return CORPUS
