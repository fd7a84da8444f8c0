# The notebook's checking machinery. The generator pastes this file, after the EXERCISE and FILES it
# embeds, into the notebook's setup cell: it runs in the learner's kernel (local JupyterLab or Colab)
# with no clone of the kit and no network.
#
# It writes the embedded files (the kit's conftest, this exercise's checks, and the runner's own Python
# worker: workshop/py/worker.py, checks.py, warm.py) into a scratch folder laid out like the kit, and
# starts that worker once per kernel, as the CLI does. So a check here is the CLI's check: the same
# pytest run, the same plain-words verdict, the same per-check child process killed at the time limit.
# The worker imports torch and tensorflow once (outside the time limit); later checks start warm.
# noqa-file: this text is exec'd in a kernel namespace where EXERCISE and FILES are already defined.

import atexit
import json
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import time

# The CLI's default for the Python track. WORKSHOP_NOTEBOOK_TIME_LIMIT (seconds, set before JupyterLab
# starts) is the notebooks' `--timeout`: for a slow classroom machine, and for the kit's tests on a busy one.
TIME_LIMIT_S = int(os.environ.get("WORKSHOP_NOTEBOOK_TIME_LIMIT", "10"))
_GRACE_S = 5  # how long past the limit the worker may take to report the timeout itself
_STARTUP_LIMIT_S = 300  # importing torch and tensorflow in a fresh process (slow on a first Colab run)
_OUTPUT_LINES = 12  # lines of the learner's own prints shown per stream, as in the CLI
_ID = EXERCISE["id"]  # noqa: F821
_WORK = tempfile.mkdtemp(prefix=f"workshop-{_ID}-")
_DIR = os.path.join(_WORK, "exercises", _ID)
_ANSWER_FILE = os.path.join(_DIR, "exercise.py")
_SHOWN = f"exercises/{_ID}/exercise.py"
_GIVEN_LINES = EXERCISE["given"].count("\n")  # noqa: F821
_state = {"worker": None, "hints_shown": 0}

for _name, _text in FILES.items():  # noqa: F821
    _path = os.path.join(_WORK, *_name.split("/"))
    os.makedirs(os.path.dirname(_path), exist_ok=True)
    with open(_path, "w", encoding="utf-8") as _handle:
        _handle.write(_text)


def _timeout_message(seconds):
    # The runner's words (workshop/tracks/py.ts), with this notebook's way of changing the limit.
    return (f"Stopped after {round(seconds)} s: the checks did not finish. Is there an endless loop? "
            "(Change the limit with check(time_limit=<seconds>).)")


def _in_cell(text):
    """The worker names the scratch file and its line; the learner knows only their cell (line 1 is %%answer)."""
    def cell_line(match):
        return f"your answer cell, line {int(match.group(1)) - _GIVEN_LINES + 1}"
    text = re.sub(re.escape(_SHOWN) + r"(?::| \(line )(\d+)\)?", cell_line, text)
    return text.replace(_SHOWN, "your answer cell")


class _Worker:
    """workshop/py/worker.py as a child of this kernel: JSON lines in, JSON lines out (see its docstring)."""

    def __init__(self):
        print("Loading PyTorch and TensorFlow for the checks (once per session, some seconds)…", flush=True)
        self.log = open(os.path.join(_WORK, "worker.log"), "w", encoding="utf-8")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1", "TF_CPP_MIN_LOG_LEVEL": "2"}
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(_WORK, "workshop", "py", "worker.py")],
            cwd=_WORK, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
            start_new_session=True,  # its own process group: killed as a whole, never by the kernel's Ctrl-C
        )
        self.buffer = b""
        self.next_id = 1
        ready = self.read(lambda m: m.get("type") == "ready", time.monotonic() + _STARTUP_LIMIT_S)
        if ready is None:
            raise RuntimeError(f"the checks' Python process did not start: {self.last_error()}")

    def last_error(self):
        self.log.flush()
        with open(self.log.name, encoding="utf-8", errors="replace") as handle:
            lines = [line.strip() for line in handle if line.strip()]
        return lines[-1] if lines else f"exit code {self.process.poll()}"

    def read(self, wanted, deadline):
        """The next protocol message matching `wanted`, or None at the deadline or if the worker ended."""
        out = self.process.stdout.fileno()
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if wanted(message):
                    return message
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([out], [], [], left)[0]:
                return None
            chunk = os.read(out, 1 << 16)
            if not chunk:
                return None
            self.buffer += chunk

    def check(self, time_limit):
        request_id = self.next_id
        self.next_id += 1
        request = {"id": request_id, "root": _WORK, "dir": _DIR, "subject": "exercise", "timeoutMs": time_limit * 1000}
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()
        mine = lambda m: m.get("id") == request_id  # noqa: E731
        # One-time warm-ups (an exporter) come before `started` and have the start-up limit, as in the CLI.
        if self.read(lambda m: mine(m) and m.get("type") == "started", time.monotonic() + _STARTUP_LIMIT_S) is None:
            return None
        return self.read(lambda m: mine(m) and "verdict" in m, time.monotonic() + time_limit + _GRACE_S)

    def stop(self):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()


def _worker():
    current = _state["worker"]
    if current is None or current.process.poll() is not None:
        current = _state["worker"] = _Worker()
    return current


@atexit.register
def _stop_worker():
    if _state["worker"] is not None:
        _state["worker"].stop()


def _printed(answer):
    blocks = []
    for stream in ("stdout", "stderr"):
        text = answer.get(stream) or ""
        if not text.strip():
            continue
        lines = text.rstrip("\n").split("\n")
        blocks.append(f"── your code printed ({stream}) ──")
        blocks.extend(f"  {line}" for line in lines[:_OUTPUT_LINES])
        if len(lines) > _OUTPUT_LINES:
            more = len(lines) - _OUTPUT_LINES
            blocks.append(f"  … {more} more line{'' if more == 1 else 's'}")
    return blocks


def _report(answer, time_limit):
    """The CLI's wording (workshop/report.ts): a title line, then the first failing check, then where."""
    verdict = answer["verdict"]
    title = {"pass": f"✓ {_ID} passes", "fail": f"✗ {_ID} is not solved yet", "error": f"✗ {_ID} does not load",
             "timeout": f"⏱ {_ID} timed out"}[verdict]
    lines = [title]
    message = _timeout_message(time_limit) if verdict == "timeout" else _in_cell(answer.get("message") or "")
    if message:
        lines.extend(f"  {line}" for line in message.split("\n"))
    where = answer.get("location") or {}
    if verdict == "fail" and where.get("file"):
        at = where["file"] + (f":{where['line']}" if where.get("line") else "")
        lines.append(f"  at {_in_cell(at)}")
    if verdict != "pass":
        hints = EXERCISE["hints"]  # noqa: F821
        left = len(hints) - _state["hints_shown"]
        if left > 0:
            lines.append(f"Stuck? Run hint() in a new cell for a hint ({left} of {len(hints)} left).")
    printed = _printed(answer)
    if printed:
        lines += ["", *printed]
    print("\n".join(lines))
    return verdict


def check(time_limit=TIME_LIMIT_S):
    """Runs this exercise's checks against your answer cell (as you last ran it) and says how it went."""
    if not os.path.exists(_ANSWER_FILE):
        print("Run the cell with your answer first (the one that starts with %%answer), then this one.")
        return "missing"
    try:
        worker = _worker()
    except RuntimeError as error:
        print(f"✗ {_ID} cannot be checked here\n  {error}")
        return "env-missing"
    answer = worker.check(time_limit)
    if answer is None:  # the worker itself stopped answering: stop it, the next check starts a new one
        worker.stop()
        answer = {"verdict": "timeout"}
    return _report(answer, time_limit)


def hint():
    """The next hint for this exercise (they unlock one at a time, as in the CLI's `h`)."""
    hints = EXERCISE["hints"]  # noqa: F821
    if _state["hints_shown"] >= len(hints):
        print(f"No more hints: all {len(hints)} are above.")
        return
    _state["hints_shown"] += 1
    print(f"Hint {_state['hints_shown']} of {len(hints)}: {hints[_state['hints_shown'] - 1]}")


class _Alarm(Exception):
    pass


def _answer_magic(line, cell):
    """%%answer: saves the cell as your answer (what check() tests), then runs it here, within the time limit."""
    os.makedirs(_DIR, exist_ok=True)
    with open(_ANSWER_FILE, "w", encoding="utf-8") as handle:
        handle.write(EXERCISE["given"] + cell)  # noqa: F821
    shell = get_ipython()  # noqa: F821
    code = compile(cell, "<your answer cell>", "exec")

    def stop(_signum, _frame):
        raise _Alarm

    # An endless loop at the top of the cell would hang the kernel: stop it as the checks would.
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(TIME_LIMIT_S)
    try:
        exec(code, shell.user_ns)
    except _Alarm:
        print(f"⏱ {_ID} timed out\n  {_timeout_message(TIME_LIMIT_S)}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


get_ipython().register_magic_function(_answer_magic, magic_kind="cell", magic_name="answer")  # noqa: F821
print(f"Ready: run the cells below in order; check() tests your answer cell. ({_ID})")
