"""The notebook form of the Python track (notebooks/, made by scripts/notebooks/generate.py).

Generation: deterministic across processes, valid per nbformat, and the committed notebooks are what the
generator makes from the exercises today. Execution: every notebook runs headlessly with nbclient in the
venv, in one kernel per notebook the way a learner goes (run all, then edit the answer and re-check):
untouched it is "not solved yet"; with the reference solution as the answer it passes; with an endless
loop in the answer, the check's time limit stops it with the runner's message. Every process of the run
carries an audit hook (notebook_guard/sitecustomize.py) that records any attempt to leave the machine.
Notebooks run two at a time: most of a run is importing torch and tensorflow, one core each.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
GENERATOR = ROOT / "scripts" / "notebooks" / "generate.py"
GUARD = Path(__file__).resolve().parent / "notebook_guard"
sys.path.insert(0, str(GENERATOR.parent))

import generate as generate_module  # noqa: E402
from split import split_starter, without_main  # noqa: E402

IDS = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
LOOP_LIMIT_S = 3  # the learner's own knob, check(time_limit=…), keeps the endless-loop run short
JOBS = int(os.environ.get("NOTEBOOK_TEST_JOBS", "2"))


def generate(out: Path) -> dict[str, bytes]:
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("first")), generate(tmp_path_factory.mktemp("second"))


def test_generator_is_deterministic(two_runs):
    first, second = two_runs
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_generated_notebooks_are_valid_nbformat(two_runs):
    notebooks = {name: data for name, data in two_runs[0].items() if name.endswith(".ipynb")}
    assert notebooks, "the generator made no notebook"
    for data in notebooks.values():
        nbformat.validate(nbformat.reads(data.decode(), as_version=nbformat.NO_CONVERT))


def test_committed_notebooks_are_up_to_date(two_runs):
    generated = two_runs[0]
    committed = {p.name: p.read_bytes() for p in NOTEBOOKS.iterdir() if p.name in generated or p.suffix == ".ipynb"}
    stale = sorted(name for name in generated.keys() | committed.keys() if generated.get(name) != committed.get(name))
    assert stale == [], f"out of date with their exercises: {stale}. Run `npm run notebooks` and commit the result."


def test_every_python_exercise_has_a_notebook():
    manifest = (ROOT / "exercises" / "manifest.json").read_text(encoding="utf-8")
    python = sorted(re.findall(r'"id": "([^"]+)",\s*"title": "[^"]*",\s*"track": "py"', manifest))
    assert python and IDS == python


def cell(notebook, cell_id):
    return next(c for c in notebook.cells if c.get("id") == cell_id)


def printed(code_cell) -> str:
    return "".join(o.get("text", "") for o in code_cell.outputs if o.output_type == "stream")


def endless_loop(answer: str) -> str:
    """The starter's answer with its first `# TODO:` replaced by an endless loop, at the same indent."""
    lines = answer.splitlines()
    first = next(i for i, line in enumerate(lines) if "# TODO" in line)
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    lines[first] = f"{indent}while True:  # a learner's loop that never ends\n{indent}    pass"
    return "\n".join(lines)


def run_scenarios(files: dict, net_log: Path) -> dict[str, str]:
    """One kernel, as a learner: run everything, then re-check with the solution, then with a loop."""
    notebook = nbformat.read(NOTEBOOKS / f"{files['id']}.ipynb", as_version=4)
    folder = Path(files["starter"]).parent
    solution = without_main(Path(files["solution"]).read_text(encoding="utf-8"))
    starter_answer = split_starter(Path(files["starter"]).read_text(encoding="utf-8")).answer
    answer, check = cell(notebook, "answer"), cell(notebook, "check")
    index = {c.get("id"): i for i, c in enumerate(notebook.cells)}
    # The default limit, 10 s, is for a learner's machine; on a CI machine shared with other suites a
    # passing check can take longer. The loop scenario sets its own short limit through check().
    env = {**os.environ, "PYTHONPATH": str(GUARD), "WORKSHOP_NET_LOG": str(net_log), "WORKSHOP_NOTEBOOK_TIME_LIMIT": "120"}
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    seen = {}
    with client.setup_kernel(env=env):
        for i, each in enumerate(notebook.cells):
            client.execute_cell(each, i)
        seen["untouched"] = printed(check)
        for name, source, check_source in [
            ("solution", solution, "check()"),
            ("loop", endless_loop(starter_answer), f"check(time_limit={LOOP_LIMIT_S})"),
        ]:
            answer.source = "%%answer\n" + source
            check.source = check_source
            client.execute_cell(answer, index["answer"])
            client.execute_cell(check, index["check"])
            seen[name] = printed(answer) + printed(check)
    return seen


@pytest.fixture(scope="module")
def runs(request, tmp_path_factory):
    """The selected notebooks' scenarios, JOBS notebooks at a time; each test below reads its own result."""
    wanted = sorted({item.callspec.params["exercise_id"] for item in request.session.items
                     if hasattr(item, "callspec") and "exercise_id" in item.callspec.params})
    files = {e["id"]: e for e in generate_module.exercises()}  # where the runner finds each one's files
    logs = tmp_path_factory.mktemp("net")
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        futures = {i: pool.submit(run_scenarios, files[i], logs / f"{i}.log") for i in wanted}
    return {i: (f.exception() or f.result(), logs / f"{i}.log") for i, f in futures.items()}


def result(runs, exercise_id) -> dict[str, str]:
    outcome, _ = runs[exercise_id]
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def runner_timeout_sentence() -> str:
    """The CLI's timeout wording, read from the runner's own words (both tracks and the browser page use
    them) so the notebook and the CLI cannot drift apart."""
    source = (ROOT / "workshop" / "verdict" / "words.ts").read_text(encoding="utf-8")
    found = re.search(r"s: (the checks did not finish\. Is there an endless loop\?)", source)
    assert found, "workshop/verdict/words.ts no longer words the timeout as this test expects"
    return found.group(1)


@pytest.mark.parametrize("exercise_id", IDS)
def test_untouched_notebook_is_not_solved_yet(runs, exercise_id):
    text = result(runs, exercise_id)["untouched"]
    assert f"✗ {exercise_id} is not solved yet" in text, text
    assert "Check \"" in text and "Stuck? Run hint()" in text, text


@pytest.mark.parametrize("exercise_id", IDS)
def test_solution_as_the_answer_passes(runs, exercise_id):
    text = result(runs, exercise_id)["solution"]
    assert f"✓ {exercise_id} passes" in text, text


@pytest.mark.parametrize("exercise_id", IDS)
def test_endless_loop_is_stopped_with_the_runners_message(runs, exercise_id):
    text = result(runs, exercise_id)["loop"]
    assert f"⏱ {exercise_id} timed out" in text, text
    assert f"Stopped after {LOOP_LIMIT_S} s: {runner_timeout_sentence()}" in text, text


@pytest.mark.parametrize("exercise_id", IDS)
def test_no_cell_reaches_the_network(runs, exercise_id):
    result(runs, exercise_id)
    log = runs[exercise_id][1]
    attempts = log.read_text(encoding="utf-8") if log.exists() else ""
    assert attempts == "", f"reached for the network:\n{attempts}"
