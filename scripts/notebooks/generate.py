"""`npm run notebooks`: writes notebooks/NN-slug.ipynb for every Python exercise, from the exercise's own files.

One source, two forms: the README, the starter (split into given code and the learner's cell), the
checks and the hints are read from the exercise as the runner finds them (scripts/notebooks/exercises.ts),
and the runner's own Python worker is embedded so the notebook checks exactly as the CLI does. The
notebooks are committed (Colab opens them straight from the published repository) and
tests/python/test_notebooks.py fails when one is out of date: `--check` says which.

Output is deterministic: fixed cell ids, sorted keys, no timestamps, so two runs give identical bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import colab  # noqa: E402
from split import split_starter  # noqa: E402

OUT = ROOT / "notebooks"
RUNTIME = HERE / "runtime.py"
# The runner's Python side, embedded as it is: the notebook's checks are the CLI's checks.
KIT_FILES = {
    "exercises/conftest.py": ROOT / "exercises" / "conftest.py",
    "workshop/py/worker.py": ROOT / "workshop" / "py" / "worker.py",
    "workshop/py/checks.py": ROOT / "workshop" / "py" / "checks.py",
    "workshop/py/warm.py": ROOT / "workshop" / "py" / "warm.py",
}

HOW_TO = """\
## How this notebook works

1. Run the **setup** cell below once (it holds this exercise's checks; no need to read it).
2. Run the **given code** as it is.
3. Edit **your answer** where it says `# TODO:`. Its first line, `%%answer`, saves the cell as your
   answer (what the check tests) and runs it: keep that line.
4. Run **check my answer**: it runs the same checks as `npm run workshop -- check {id}` and says, in plain
   words, whether it passes or which check fails first. `hint()` shows the next hint. A check is stopped
   after {limit} s (an endless loop); `check(time_limit=30)` allows more.

Your progress here is this notebook's own: the workshop CLI's progress list does not see it (see
`workshop/README.md`, "Three ways to do the Python track").
"""


def exercises() -> list[dict]:
    """The Python exercises and their files, as the runner finds them."""
    tsx = ROOT / "node_modules" / ".bin" / "tsx"
    run = subprocess.run([str(tsx), str(HERE / "exercises.ts")], cwd=ROOT, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"notebooks: could not read the exercises:\n{run.stderr.strip()}")
    return json.loads(run.stdout)["exercises"]


def read(path: str | Path) -> str:
    return Path(path).read_text(encoding="utf-8")


def setup_source(exercise: dict, given: str) -> str:
    embedded = {"id": exercise["id"], "title": exercise["title"], "hints": exercise["hints"], "given": given}
    files = {name: read(path) for name, path in KIT_FILES.items()}
    files[f"exercises/{exercise['id']}/test_exercise.py"] = read(exercise["checks"])
    return "\n".join([
        # Colab shows a cell with a #@title as a collapsed form; JupyterLab hides it by its metadata.
        "#@title Setup: this exercise's checks (run this cell first; no need to read it)",
        f"EXERCISE = {json.dumps(embedded, indent=1, ensure_ascii=False)}",
        f"FILES = {json.dumps(files, indent=1, ensure_ascii=False)}",
        "",
        read(RUNTIME),
    ])


def build(exercise: dict) -> nbformat.NotebookNode:
    split = split_starter(read(exercise["starter"]))
    limit = 10
    cells = [
        new_markdown_cell(read(exercise["readme"]).strip(), id="readme"),
        new_markdown_cell(HOW_TO.format(id=exercise["id"], limit=limit).strip(), id="how-to"),
        new_code_cell(setup_source(exercise, split.given), id="setup",
                      metadata={"cellView": "form", "jupyter": {"source_hidden": True}}),
        new_markdown_cell("## Given code\n\nRun it as it is: your answer builds on it.", id="given-title"),
        new_code_cell(split.given.rstrip("\n"), id="given"),
        new_markdown_cell("## Your answer\n\nEdit this cell where it says `# TODO:`, then run it.", id="answer-title"),
        new_code_cell("%%answer\n" + split.answer.rstrip("\n"), id="answer"),
        new_markdown_cell("## Check my answer", id="check-title"),
        new_code_cell("check()", id="check"),
    ]
    sources = [read(exercise[k]) for k in ("readme", "starter", "checks")] + [read(p) for p in KIT_FILES.values()] + [read(RUNTIME)]
    version = hashlib.sha256("\0".join([json.dumps(exercise["hints"]), *sources]).encode()).hexdigest()[:16]
    return new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "colab": {"provenance": []},
        # The `notebook` command compares this with a learner's copy to say a newer version exists.
        "workshop": {"exercise": exercise["id"], "version": version},
    })


def render(notebook: nbformat.NotebookNode) -> str:
    nbformat.validate(notebook)
    return nbformat.writes(notebook)  # indent 1, sorted keys: stable bytes


def index(found: list[dict]) -> str:
    """notebooks/README.md: what these files are, and each one's Open-in-Colab link."""
    rows = [f"| {e['id']} | {e['title']} | [Open in Colab]({colab.link(e['id'])}) |" for e in found]
    return "\n".join([
        "# The Python exercises as notebooks",
        "",
        "Generated by `npm run notebooks` from `exercises/NN-slug/` (README, starter, checks, hints): do not",
        "edit them here, edit the exercise and regenerate; `npm test` fails while one is out of date. Learners",
        "work in copies: `npm run workshop -- notebook` makes them in `my-notebooks/` (never overwritten) and",
        "opens JupyterLab there. The Colab links follow `notebooks/colab.json` (see workshop/README.md).",
        "",
        "| exercise | title | Colab |",
        "| --- | --- | --- |",
        *rows,
        "",
    ])


def outputs(found: list[dict]) -> dict[str, str]:
    files = {f"{e['id']}.ipynb": render(build(e)) for e in found}
    files["README.md"] = index(found)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default notebooks/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file differs")
    args = parser.parse_args()
    wanted = outputs(exercises())
    present = {p.name for p in args.out.glob("*.ipynb")} if args.out.exists() else set()
    stale = sorted(name for name, text in wanted.items()
                   if not (args.out / name).exists() or (args.out / name).read_text(encoding="utf-8") != text)
    extra = sorted(present - set(wanted))
    if args.check:
        for name in stale:
            print(f"out of date: {args.out.name}/{name}")
        for name in extra:
            print(f"not an exercise any more: {args.out.name}/{name}")
        if stale or extra:
            print("Run `npm run notebooks` and commit the result.")
            return 1
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (args.out / name).write_text(wanted[name], encoding="utf-8")
    for name in extra:  # never deleted here: it may be someone's own notebook
        print(f"not an exercise: {args.out.name}/{name} (remove it if it is an old generated one)")
    print(f"notebooks: {len(stale)} written, {len(wanted) - len(stale)} already current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
