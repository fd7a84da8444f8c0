"""Shared pytest setup for the Python exercises.

Every check takes the `subject` fixture: the module under test, loaded fresh from the test's own folder.
Which file it is comes from WORKSHOP_SUBJECT: `exercise` (the participant's copy, the default),
`starter` (must fail the checks) or `solution` (must pass them).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import types
from pathlib import Path

import pytest

SUBJECTS = ("exercise", "starter", "solution")


class SubjectLoadError(Exception):
    """The subject module raised while loading; the workshop worker reports it as an error, not a failed check."""


def subject_path(folder: Path) -> Path:
    # The workshop worker names the file itself (a solution lives in solutions/<id>/, away from the learner).
    if os.environ.get("WORKSHOP_SUBJECT_FILE"):
        return Path(os.environ["WORKSHOP_SUBJECT_FILE"])
    name = os.environ.get("WORKSHOP_SUBJECT", "exercise")
    if name not in SUBJECTS:
        raise ValueError(f"WORKSHOP_SUBJECT must be one of {', '.join(SUBJECTS)}, not {name!r}")
    return folder / f"{name}.py"


def load_fresh(path: Path) -> types.ModuleType:
    """Executes the file as a new module (no import cache, no bytecode cache): edits always show."""
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    name = "workshop_subject_" + re.sub(r"\W", "_", f"{path.parent.name}_{path.stem}")
    module = types.ModuleType(name)
    module.__file__ = str(path)
    # inspect.getsource (used by torch.export, AutoGraph) finds a class's file through sys.modules.
    sys.modules[name] = module
    try:
        code = compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        exec(code, module.__dict__)
    except (Exception, SystemExit) as error:
        raise SubjectLoadError(f"{path.name} raised {type(error).__name__} while loading: {error}") from error
    return module


@pytest.fixture
def subject(request: pytest.FixtureRequest) -> types.ModuleType:
    return load_fresh(subject_path(Path(request.path).parent))


@pytest.fixture(scope="module")
def subject_once(request: pytest.FixtureRequest) -> types.ModuleType:
    """Like `subject`, but loaded once for all checks in the file: for checks sharing slow work (an export)."""
    return load_fresh(subject_path(Path(request.path).parent))


@pytest.fixture(scope="module")
def workdir_once():
    """A scratch folder outside the repo, shared by the checks in one file."""
    with tempfile.TemporaryDirectory(prefix="workshop-") as path:
        yield Path(path)


@pytest.fixture
def workdir():
    """A scratch folder outside the repo for files a check writes (.onnx models, event logs)."""
    with tempfile.TemporaryDirectory(prefix="workshop-") as path:
        yield Path(path)
