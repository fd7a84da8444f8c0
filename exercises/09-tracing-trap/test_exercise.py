"""Checks for exercise 09: `fixed` is right in eager mode, and torch.export captures both branches."""

import warnings

import pytest
import torch

POSITIVE = torch.tensor([1.0, 2.0, 3.0])
NEGATIVE = -torch.ones(3)


def show(t: torch.Tensor) -> str:
    return str([round(v, 2) for v in t.tolist()])


def test_the_trap_is_real(subject):
    """The traced original is wrong on a negative input (what the exercise is about)"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        traced = torch.jit.trace(subject.f, torch.ones(3))
    assert torch.equal(traced(NEGATIVE), NEGATIVE * 2), "keep `f` as it was: it is the example of the trap"
    assert torch.equal(subject.f(NEGATIVE), NEGATIVE - 100), "keep `f` as it was: it is the example of the trap"


@pytest.mark.parametrize("x", [POSITIVE, NEGATIVE], ids=["positive", "negative"])
def test_fixed_matches_eager(subject, x):
    """fixed gives the same answers as f"""
    got, expected = subject.fixed(x), subject.f(x)
    assert torch.allclose(got, expected), f"fixed({show(x)}) returned {show(got)}, but f gives {show(expected)}"


@pytest.fixture(scope="module")
def exported(subject_once):
    """Exports `Fixed` once for the checks below, or the error torch.export raised."""
    try:
        return torch.export.export(subject_once.Fixed(), (torch.ones(3),))
    except Exception as error:  # the trap: a Python `if` on a tensor's value cannot be exported
        return error


def export_fixed(exported):
    if not isinstance(exported, Exception):
        return exported
    try:
        raise exported  # chained below, so the report can point at the learner's line
    except Exception:
        first = str(exported).strip().splitlines()[0][:160]
        pytest.fail(
            f"torch.export refused fixed: {type(exported).__name__}: {first} — a Python `if` on a tensor's value has no"
            " single answer at export time; put the branch in the graph with torch.cond",
            pytrace=False,
        )


def test_export_is_right_on_both_signs(subject, exported):
    """torch.export accepts fixed, and the exported program is right on positive and negative inputs"""
    program = export_fixed(exported).module()
    for x in (POSITIVE, NEGATIVE):
        got, expected = program(x), subject.f(x)
        assert torch.allclose(got, expected), (
            f"the exported program (traced with a positive example) gave {show(got)} for {show(x)}; expected {show(expected)}"
        )


def test_export_keeps_a_cond(exported):
    """The exported graph holds a cond op with both branches"""
    program = export_fixed(exported)
    ops = [str(node.target) for node in program.graph.nodes if node.op == "call_function"]
    assert any("cond" in op for op in ops), (
        f"expected a torch.cond in the exported graph, but it holds only {sorted(set(ops))}."
        " (torch.where would compute both sides every time; this exercise asks for torch.cond)"
    )
