"""Every Python snippet shown on the slides runs against the real frameworks, and prints what its slide shows.

For each snippets/<name>.py: run it with the venv's python in a scratch folder; it must exit 0, and if
snippets/<name>.out exists, its stdout must equal that file (trailing whitespace aside). Also: every Python
file of the workshop's exercises compiles. Run with `.venv/bin/python -m pytest tests/python`.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))
EXERCISE_FILES = sorted(
    path
    for folder, pattern in (("exercises", "starter.py"), ("solutions", "solution.py"), ("exercises", "test_exercise.py"))
    for path in (ROOT / folder).glob(f"*/{pattern}")
) + [p for p in [ROOT / "exercises" / "conftest.py"] if p.exists()]
TIMEOUT_S = int(os.environ.get("SNIPPET_TIMEOUT", "180"))


def venv_python() -> str:
    for candidate in (ROOT / ".venv" / "bin" / "python", ROOT / ".venv" / "Scripts" / "python.exe"):
        if candidate.exists():
            return str(candidate)
    return sys.executable


def normalise(text: str) -> list[str]:
    """Trailing whitespace on each line and trailing blank lines do not count; nothing else is changed."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def run_snippet(path: Path) -> subprocess.CompletedProcess | str:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2")}
    with tempfile.TemporaryDirectory(prefix="snippet-") as scratch:
        try:
            return subprocess.run([venv_python(), str(path)], cwd=scratch, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return f"did not finish within {TIMEOUT_S} s"


@pytest.fixture(scope="session")
def runs() -> dict[str, subprocess.CompletedProcess | str]:
    """Runs every snippet once, a few at a time: each imports torch or tensorflow, which takes seconds."""
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip((p.name for p in SNIPPETS), pool.map(run_snippet, SNIPPETS)))


def test_snippets_folder_is_readable():
    """Passes with zero snippets too: the harness itself works."""
    folder = ROOT / "snippets"
    assert not folder.exists() or folder.is_dir(), f"{folder} should be a folder"


@pytest.mark.parametrize("path", SNIPPETS, ids=[p.name for p in SNIPPETS])
def test_snippet_runs_and_prints_what_the_slide_shows(path: Path, runs):
    result = runs[path.name]
    assert not isinstance(result, str), f"snippets/{path.name} {result}"
    tail = "\n".join(result.stderr.strip().splitlines()[-8:])
    assert result.returncode == 0, f"snippets/{path.name} exited with code {result.returncode}:\n{tail}"
    expected_file = path.with_suffix(".out")
    if expected_file.exists():
        expected, got = normalise(expected_file.read_text(encoding="utf-8")), normalise(result.stdout)
        diff = "\n".join(difflib.unified_diff(expected, got, f"snippets/{expected_file.name} (on the slide)", "what the run printed", lineterm=""))
        assert got == expected, f"snippets/{path.name} printed something other than its .out file:\n{diff}"


@pytest.mark.parametrize("path", EXERCISE_FILES + SNIPPETS, ids=[str(p.relative_to(ROOT)) for p in EXERCISE_FILES + SNIPPETS])
def test_python_file_compiles(path: Path):
    try:
        compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
    except SyntaxError as error:
        pytest.fail(f"{path.relative_to(ROOT)}:{error.lineno}: {error.msg}", pytrace=False)
