"""The starter → (given code, learner's cell) split behind the notebooks (scripts/notebooks/split.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "notebooks"))

from split import split_starter, without_main  # noqa: E402

STARTER = '''"""Doc."""

import torch


def given(x):
    return x


def todo_after_body(x):
    y = x
    # TODO: a comment below the last statement belongs to this function


# TODO: a comment above a decorated function
@torch.no_grad()
def second(x):
    return x


if __name__ == "__main__":
    print(todo_after_body(1))
'''


def test_learner_cell_starts_at_the_first_function_with_a_todo():
    split = split_starter(STARTER)
    assert split.given.rstrip().endswith("return x") and "todo_after_body" not in split.given
    assert split.answer.startswith("def todo_after_body(x):")
    assert "# TODO: a comment above a decorated function\n@torch.no_grad()" in split.answer


def test_given_and_answer_are_the_starter_without_its_main_block():
    split = split_starter(STARTER)
    assert split.given + split.answer == without_main(STARTER)
    assert "__main__" not in without_main(STARTER)


def test_a_starter_without_todo_is_refused():
    with pytest.raises(ValueError, match="TODO"):
        split_starter("import torch\n\n\ndef done(x):\n    return x\n")
