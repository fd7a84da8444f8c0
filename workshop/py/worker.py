"""The Python track's warm worker: imports torch and tensorflow once, then runs an exercise's pytest
checks in-process for each request, so a re-check after a save costs seconds, not a fresh import.

Protocol (JSON lines): the worker writes {"type": "ready", ...} once the frameworks are loaded, then
reads one request per line on stdin
    {"id": 1, "root": "/abs/workshop/root", "dir": "/abs/exercises/07-x", "subject": "exercise"}
writes {"type": "started", "id": 1} when one-time warm-ups are done and the checks begin (the caller's
time limit starts there), and answers each request with one line
    {"id": 1, "verdict": "pass|fail|error", "message": "...", "location": {"file", "line"} | null,
     "passed": n, "failed": n}
Anything else the checks or the learner's code print goes to stderr, never into the protocol.
Time limits are the caller's job: it kills this process when a check runs too long.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import json
import linecache
import os
import sys
import time
import traceback

import pytest

# Participants save often, sometimes twice within a second without changing the file's size: cached
# bytecode (keyed on whole seconds) could then run the old code. Never write any.
sys.dont_write_bytecode = True
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

# Keep the protocol on a private copy of stdout; fd 1 (print, pytest, C libraries) goes to stderr.
_protocol = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr


def send(message: dict) -> None:
    _protocol.write(json.dumps(message) + "\n")
    _protocol.flush()


def warm_up() -> dict:
    """Pays the frameworks' import cost once, before the first check."""
    started = time.perf_counter()
    import numpy  # noqa: F401
    import tensorflow as tf
    import torch

    tf.get_logger().setLevel("ERROR")  # retracing warnings are what some exercises provoke
    # The exercises use tiny tensors: one thread each is fastest and leaves the other cores alone.
    torch.set_num_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    # First calls initialise kernels and thread pools; pay that here rather than in the first check.
    # (Keras layers and optimizers, tf.function tracing and torch.optim all load lazily.)
    model = torch.nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.nn.functional.mse_loss(model(torch.ones(2, 3)), torch.zeros(2, 1)).backward()
    optimizer.step()
    layer = tf.keras.layers.Dense(1)
    tf_optimizer = tf.keras.optimizers.SGD(learning_rate=0.1)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(layer(tf.ones((2, 3)))))
    tf_optimizer.apply_gradients(zip(tape.gradient(loss, layer.trainable_variables), layer.trainable_variables))
    tf.function(lambda x: x * 2).get_concrete_function(tf.TensorSpec([None], tf.float32))
    return {
        "importMs": round((time.perf_counter() - started) * 1000),
        "versions": {"python": sys.version.split()[0], "torch": torch.__version__, "tensorflow": tf.__version__},
    }


def warm_onnx_export() -> None:
    """The first torch.onnx.export loads onnxscript and the exporter (~5-10 s); later ones take ~1 s."""
    import tempfile

    import torch

    with tempfile.TemporaryDirectory() as scratch:
        torch.onnx.export(torch.nn.Linear(2, 1), (torch.ones(1, 2),), os.path.join(scratch, "w.onnx"), dynamo=True, verbose=False)


def warm_torch_export() -> None:
    """The first torch.export loads dynamo and its symbolic shapes (seconds); later exports are quick."""
    import torch

    class Branch(torch.nn.Module):
        def forward(self, x):
            return torch.cond(x.sum() > 0, lambda t: t * 2, lambda t: t - 1, (x,))

    torch.export.export(Branch(), (torch.ones(2),)).module()(-torch.ones(2))


def warm_tensorboard() -> None:
    import torch.utils.tensorboard  # noqa: F401
    from tensorboard.backend.event_processing import event_accumulator  # noqa: F401


# One-time costs paid before the first check that needs them (found by a word in its checks), so that
# loading a framework's exporter is not counted against the learner's time limit.
LAZY_WARM_UPS = {"torch.export": warm_torch_export, "onnx": warm_onnx_export, "tensorboard": warm_tensorboard}
warmed: set[str] = set()


def warm_up_for(test_file: str) -> None:
    with open(test_file, encoding="utf-8") as handle:
        source = handle.read()
    for word, warm in LAZY_WARM_UPS.items():
        if word in source and word not in warmed:
            warmed.add(word)
            try:
                warm()
            except Exception as error:  # the check itself will then report the real problem
                print(f"warm-up for {word} failed: {error}", file=sys.stderr)
            gc.freeze()


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


def forget_modules(under: str) -> None:
    """Drops every module loaded from the exercises (the subject, the checks, conftest): next run is fresh."""
    prefix = under.rstrip(os.sep) + os.sep
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if name.startswith("workshop_subject_") or (isinstance(file, str) and os.path.abspath(file).startswith(prefix)):
            del sys.modules[name]


def kit_conftest():
    """The kit's exercises/conftest.py as a module (its fixtures become a plugin)."""
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "exercises", "conftest.py")
    spec = importlib.util.spec_from_file_location("workshop_kit_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_check(request: dict) -> dict:
    root = os.path.abspath(request["root"])
    folder = os.path.abspath(request["dir"])
    subject = request.get("subject", "exercise")
    exercises_dir = os.path.dirname(folder)
    subject_file = os.path.join(folder, f"{subject}.py")
    test_file = os.path.join(folder, "test_exercise.py")
    counts = {"passed": 0, "failed": 0}

    if not os.path.exists(subject_file):
        return {"verdict": "error", "message": f"{shown(root, subject_file)} does not exist.", "location": None, **counts}
    if not os.path.exists(test_file):
        return {"verdict": "error", "message": f"{shown(root, test_file)} (the checks) does not exist.", "location": None, **counts}
    problem = syntax_error(root, subject_file)
    if problem:
        return {**problem, **counts}

    warm_up_for(test_file)
    # From here on the caller's time limit runs: what follows is the learner's code and its checks.
    send({"type": "started", "id": request.get("id")})
    os.environ["WORKSHOP_SUBJECT"] = subject
    linecache.clearcache()
    importlib.invalidate_caches()
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
    cwd = os.getcwd()
    try:
        code = pytest.main(args, plugins=plugins)
    finally:
        os.chdir(cwd)
        forget_modules(exercises_dir)

    counts = {"passed": collector.passed, "failed": len(collector.failed_ids)}
    if collector.first:
        return {**collector.first, **counts}
    if code != 0 or collector.passed == 0:
        return {"verdict": "error", "message": f"No checks ran in {shown(root, test_file)} (pytest exit code {int(code)}).", "location": None, **counts}
    n = collector.passed
    return {"verdict": "pass", "message": "The check passed." if n == 1 else f"All {n} checks passed.", "location": None, **counts}


def main() -> None:
    # Plugins come only from the command line: scanning the venv's entry points costs ~1 s per run.
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    info = warm_up()
    gc.freeze()  # the frameworks' objects live forever: keep every later collection from walking them
    send({"type": "ready", "pid": os.getpid(), **info})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        started = time.perf_counter()
        try:
            answer = run_check(request)
        except BaseException as error:  # the worker must answer, whatever the checks did
            if isinstance(error, KeyboardInterrupt):
                raise
            answer = {"verdict": "error", "message": f"The Python worker failed: {type(error).__name__}: {first_line(str(error))}", "location": None, "passed": 0, "failed": 0}
        answer["id"] = request.get("id")
        answer["workerMs"] = round((time.perf_counter() - started) * 1000)
        send(answer)


if __name__ == "__main__":
    main()
