"""The Python track's warm worker: imports torch and tensorflow once, then runs each check in a child
forked from itself, so a check starts warm yet nothing it does (a default dtype, grad mode, eager mode
switched off, a module left in sys.modules) can reach the next check, and an endless loop costs only
its child: the parent kills it at the time limit and the next check is forked at once.

Protocol (JSON lines): the worker writes {"type": "ready", ...} once the frameworks are loaded, then
reads one request per line on stdin
    {"id": 1, "root": "/abs/workshop/root", "dir": "/abs/exercises/07-x", "subject": "exercise",
     "subjectFile": "/abs/.../solution.py" (optional), "timeoutMs": 10000}
writes {"type": "started", "id": 1} when one-time warm-ups are done and the child is forked, and
answers each request with one line
    {"id": 1, "verdict": "pass|fail|error|timeout", "message": "...", "location": {...} | null,
     "passed": n, "failed": n, "stdout": "...", "stderr": "..."}
A request it cannot read is answered with an "error" verdict (and the id, if it could find one).
Anything else goes to stderr, never into the protocol.
"""

from __future__ import annotations

import gc
import json
import os
import select
import signal
import sys
import threading
import time

# Participants save often, sometimes twice within a second without changing the file's size: cached
# bytecode (keyed on whole seconds) could then run the old code. Never write any.
sys.dont_write_bytecode = True
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# Plugins come only from the command line: scanning the venv's entry points costs ~1 s per run.
os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"

# Keep the protocol on a private copy of stdout; fd 1 (print, pytest, C libraries) goes to stderr.
_protocol = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr

import checks  # noqa: E402  (after the redirection: importing pytest may print)
import warm  # noqa: E402

DEFAULT_TIMEOUT_MS = 10_000
# Held open by the parent only: a child sees end-of-file on it when the parent is gone, however it died.
_life_read, _life_write = os.pipe()


def send(message: dict) -> None:
    _protocol.write(json.dumps(message) + "\n")
    _protocol.flush()


def parse(line: str) -> tuple[dict | None, str | None]:
    """The request, or why it cannot be run."""
    try:
        request = json.loads(line)
    except ValueError as error:
        return None, f"not JSON ({error})"
    if not isinstance(request, dict):
        return None, "not a JSON object"
    for key in ("root", "dir"):
        if not isinstance(request.get(key), str):
            return request, f'"{key}" is missing or not a string'
    timeout = request.get("timeoutMs", DEFAULT_TIMEOUT_MS)
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or timeout <= 0:
        return request, '"timeoutMs" must be a positive number'
    return request, None


def error_answer(message: str) -> dict:
    return {"verdict": "error", "message": message, "location": None, "passed": 0, "failed": 0}


def die_with_parent() -> None:
    """In the child: when the parent disappears, take this child's whole process group down with it."""
    os.read(_life_read, 1)
    os.killpg(0, signal.SIGKILL)


def in_child(request: dict, answer_fd: int) -> None:
    """Runs the check and writes the answer to answer_fd; never returns."""
    try:
        os.setpgid(0, 0)  # its own group, so a timeout also stops what the checks started (npx tsx)
        os.close(_life_write)
        threading.Thread(target=die_with_parent, daemon=True).start()
        _protocol.close()
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)  # the learner's input() must never read the protocol
        os.dup2(devnull, 1)  # pytest's own report; the learner's output is captured per check
        sys.stdin = open(os.devnull, encoding="utf-8")
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
        answer = checks.run_check(request)
    except BaseException as error:  # the child must answer, whatever the checks did
        answer = error_answer(f"The Python worker failed: {type(error).__name__}: {checks.first_line(str(error))}")
    try:
        data = json.dumps(answer).encode("utf-8")
        while data:
            data = data[os.write(answer_fd, data):]
    finally:
        os._exit(0)


def kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_isolated(request: dict) -> dict:
    """Forks a child for the check and waits for its answer, at most the request's time limit."""
    warm.warm_up_for(os.path.join(os.path.abspath(request["dir"]), "test_exercise.py"))
    answer_read, answer_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(answer_read)
        in_child(request, answer_write)
    os.close(answer_write)
    send({"type": "started", "id": request.get("id")})
    deadline = time.monotonic() + request.get("timeoutMs", DEFAULT_TIMEOUT_MS) / 1000
    chunks: list[bytes] = []
    timed_out = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            if select.select([answer_read], [], [], left)[0]:
                chunk = os.read(answer_read, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(answer_read)
        kill_group(pid)  # an endless loop, or anything the checks left running
        _, status = os.waitpid(pid, 0)
    if timed_out:
        return {**error_answer(""), "verdict": "timeout"}
    try:
        return json.loads(b"".join(chunks))
    except ValueError:
        how = f"was stopped by signal {-os.waitstatus_to_exitcode(status)}" if os.WIFSIGNALED(status) else f"exited with code {os.waitstatus_to_exitcode(status)}"
        return error_answer(f"The check process {how} before it could answer (did the code call os._exit(), or crash Python?).")


def main() -> None:
    info = warm.warm_up()
    gc.freeze()  # the frameworks' objects live forever: keep collections (and copy-on-write) off them
    send({"type": "ready", "pid": os.getpid(), **info})
    for line in sys.stdin:
        if not line.strip():
            continue
        started = time.perf_counter()
        request, problem = parse(line)
        request_id = request.get("id") if isinstance(request, dict) else None
        if problem:
            answer = error_answer(f"The Python worker could not read this request: {problem}.")
        else:
            try:
                answer = run_isolated(request)
            except Exception as error:  # e.g. fork failed: say so and stay up for the next request
                answer = error_answer(f"The Python worker could not run the check: {type(error).__name__}: {error}")
        answer["id"] = request_id
        answer["workerMs"] = round((time.perf_counter() - started) * 1000)
        send(answer)


if __name__ == "__main__":
    main()
