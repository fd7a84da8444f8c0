"""Runs one exercise's pytest checks and describes the outcome in plain words.

Called in a child process forked from the warm worker (worker.py), so whatever the learner's code or the
checks change (default dtypes, grad mode, eager execution, sys.modules) dies with the child.
"""

from __future__ import annotations

import importlib.util
import os
import traceback

import pytest

# What is kept of the learner's own output per stream: enough to see a print, never a flood.
OUTPUT_LIMIT = 4000


def shown(root: str, path: str) -> str:
    """A path as participants see it: relative to the workshop root, forward slashes."""
    try:
        return os.path.relpath(path, root).replace(os.sep, "/")
    except ValueError:
        return path


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def assertion_text(error: BaseException) -> str:
    """The check's own words. pytest appends its rewritten `assert ...` explanation after a newline."""
    text = str(error)
    own = text.split("\nassert ")[0].strip()
    if own and not own.startswith("assert "):
        return own
    return first_line(text) or "an assertion failed"


def innermost_in(tb, path: str) -> int | None:
    """Line of the innermost traceback frame inside `path` (the learner's file), if any."""
    line = None
    for frame in traceback.extract_tb(tb):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    return line


def check_name(item) -> str:
    """The test's docstring's first line, else its function name in words."""
    doc = getattr(getattr(item, "function", None), "__doc__", None)
    if doc and doc.strip():
        return first_line(doc).rstrip(".")
    return item.name.removeprefix("test_").replace("_", " ")


class Collector:
    """A pytest plugin that counts results and keeps the first failure, described in plain words."""

    def __init__(self, root: str, subject_file: str, test_file: str) -> None:
        self.root = root
        self.subject_file = subject_file
        self.test_file = test_file
        self.passed = 0
        self.failed_ids: set[str] = set()
        self.first: dict | None = None
        self.stdout = ""
        self.stderr = ""

    def location(self, error: BaseException, tb) -> dict | None:
        """The learner's line if the error (or the error it was raised from) passed through it, else the check's."""
        seen = error
        while seen is not None:
            line = innermost_in(seen.__traceback__ if seen is not error else tb, self.subject_file)
            if line is not None:
                return {"file": shown(self.root, self.subject_file), "line": line}
            seen = seen.__cause__ or seen.__context__
        line = innermost_in(tb, self.test_file)
        if line is not None:
            return {"file": shown(self.root, self.test_file), "line": line}
        return None

    def describe(self, item, when: str, excinfo) -> dict:
        error = excinfo.value
        name = check_name(item)
        where = self.location(error, excinfo.tb)
        learner = shown(self.root, self.subject_file)
        if type(error).__name__ == "SubjectLoadError":
            cause = error.__cause__ or error
            line = innermost_in(cause.__traceback__, self.subject_file) if cause.__traceback__ else None
            at = f" (line {line})" if line else ""
            return {
                "verdict": "error",
                "message": f"{learner} could not be loaded: {type(cause).__name__}: {first_line(str(cause))}{at}",
                "location": {"file": learner, "line": line} if line else {"file": learner},
            }
        if isinstance(error, (AssertionError, pytest.fail.Exception)):  # the check's own words
            message = f'Check "{name}" failed: {assertion_text(error)}'
        else:
            at = f" at {where['file']}:{where['line']}" if where else ""
            phase = "" if when == "call" else f" (while {'preparing' if when == 'setup' else 'cleaning up after'} the check)"
            message = f'Check "{name}" failed{phase}: the code raised {type(error).__name__}: {first_line(str(error))}{at}'
        return {"verdict": "fail", "message": message, "location": where}

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if report.failed and self.first is None and call.excinfo is not None:
            self.first = self.describe(item, call.when, call.excinfo)
        return report

    def pytest_runtest_logreport(self, report) -> None:
        # pytest captures each test's output (its teardown report holds all three phases): that is the
        # learner's print()s; pytest's own report goes elsewhere.
        if report.when == "teardown":
            self.stdout += report.capstdout
            self.stderr += report.capstderr
        if report.failed:
            self.failed_ids.add(report.nodeid)
        elif report.when == "call" and report.passed:
            self.passed += 1

    def pytest_collectreport(self, report) -> None:
        if report.failed and self.first is None:
            text = str(report.longrepr)
            self.first = {
                "verdict": "error",
                "message": f"The checks in {shown(self.root, self.test_file)} could not be loaded: {text.strip().splitlines()[-1] if text.strip() else 'collection failed'}",
                "location": {"file": shown(self.root, self.test_file)},
            }


def syntax_error(root: str, path: str) -> dict | None:
    """Compiles the subject first, so a typo reads as file:line + message instead of a failed check."""
    try:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as error:
        file = shown(root, path)
        line = error.lineno
        code = (error.text or "").strip()
        detail = f"{error.msg}" + (f"\n    {code}" if code else "")
        return {"verdict": "error", "message": f"Syntax error in {file}:{line}: {detail}", "location": {"file": file, "line": line}}
    return None


def kit_conftest():
    """The kit's exercises/conftest.py as a module (its fixtures become a plugin)."""
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "exercises", "conftest.py")
    spec = importlib.util.spec_from_file_location("workshop_kit_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bounded(text: str) -> str:
    if len(text) <= OUTPUT_LIMIT:
        return text
    return text[:OUTPUT_LIMIT] + f"\n… ({len(text) - OUTPUT_LIMIT} more characters not shown)"


def run_check(request: dict) -> dict:
    root = os.path.abspath(request["root"])
    folder = os.path.abspath(request["dir"])
    subject = request.get("subject", "exercise")
    exercises_dir = os.path.dirname(folder)
    subject_file = os.path.abspath(request.get("subjectFile") or os.path.join(folder, f"{subject}.py"))
    test_file = os.path.join(folder, "test_exercise.py")
    counts = {"passed": 0, "failed": 0}

    if not os.path.exists(subject_file):
        return {"verdict": "error", "message": f"{shown(root, subject_file)} does not exist.", "location": None, **counts}
    if not os.path.exists(test_file):
        return {"verdict": "error", "message": f"{shown(root, test_file)} (the checks) does not exist.", "location": None, **counts}
    problem = syntax_error(root, subject_file)
    if problem:
        return {**problem, **counts}

    os.environ["WORKSHOP_SUBJECT"] = subject
    os.environ["WORKSHOP_SUBJECT_FILE"] = subject_file
    collector = Collector(root, subject_file, test_file)
    args = [
        test_file,
        "-q", "--no-header", "-p", "no:cacheprovider", "-p", "no:faulthandler",
        "--import-mode=importlib", f"--rootdir={exercises_dir}", f"--confcutdir={exercises_dir}",
        "-o", "console_output_style=classic", "--tb=native",  # native: no source excerpts, fast
        # These two run gc.collect() several times per session: seconds with torch and TF loaded.
        "-p", "no:unraisableexception", "-p", "no:threadexception",
    ]
    plugins: list = [collector]
    if not os.path.exists(os.path.join(exercises_dir, "conftest.py")):
        plugins.append(kit_conftest())  # a workshop root of its own (tests) still gets the `subject` fixture
    code = pytest.main(args, plugins=plugins)

    counts = {"passed": collector.passed, "failed": len(collector.failed_ids)}
    output = {"stdout": bounded(collector.stdout), "stderr": bounded(collector.stderr)}
    if collector.first:
        return {**collector.first, **counts, **output}
    if code != 0 or collector.passed == 0:
        return {"verdict": "error", "message": f"No checks ran in {shown(root, test_file)} (pytest exit code {int(code)}).", "location": None, **counts, **output}
    n = collector.passed
    return {"verdict": "pass", "message": "The check passed." if n == 1 else f"All {n} checks passed.", "location": None, **counts, **output}
