"""Shared fixtures: the real corpus (skipped when absent), a fresh workspace and its store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from lexwatch.store.versions import VersionStore
from lexwatch.workspace import Workspace

# CI (`.ci/run`) draws the same examples on every run, so that a red run is a change's doing, not the
# draw's; a developer's run draws new ones each time and so keeps exploring (HYPOTHESIS_PROFILE=ci
# repeats CI's).
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

CORPUS = Path(os.environ.get("LEXWATCH_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus beside the checkout; the test is skipped when it is absent."""
    if not (CORPUS / "uk_2022-09.txt").is_file():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self) -> Any:
        return json.loads(self.out)

    def __repr__(self) -> str:
        return f"<exit {self.code}\nstdout:\n{self.out}\nstderr:\n{self.err}>"


@pytest.fixture
def lexwatch_cli(tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real `lexwatch` command (python -m lexwatch) in tmp_path, as a user would."""

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> CliResult:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
        full_env["COLUMNS"] = "200"
        full_env.update(env or {})
        proc = subprocess.run([sys.executable, "-m", "lexwatch", *args], cwd=cwd or tmp_path,
                              capture_output=True, text=True, env=full_env, timeout=timeout, check=False)
        return CliResult(proc)

    return run


@pytest.fixture
def workspace(tmp_path: Path, lexwatch_cli: Callable[..., CliResult]) -> Path:
    """A fresh workspace made by `lexwatch init`, as a new user would."""
    root = tmp_path / "ws"
    result = lexwatch_cli("init", str(root))
    assert result.code == 0, result
    return root


@pytest.fixture
def store(workspace: Path) -> Iterator[VersionStore]:
    """The version store of a fresh workspace, open for the test."""
    with Workspace.find(workspace).open_store() as opened:
        yield opened
