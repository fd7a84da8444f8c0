"""Checks for exercise 15: count graph breaks, remove them, stop recompiles (real torch.compile)."""

import logging

import pytest
import torch
import torch._dynamo as dynamo
from torch._dynamo.testing import CompileCounter

logging.getLogger("torch._dynamo").setLevel(logging.ERROR)


@pytest.fixture(autouse=True)
def fresh_dynamo():
    """Every check starts with torch.compile's caches empty."""
    dynamo.reset()
    yield
    dynamo.reset()


def test_count_graphs(subject):
    """count_graphs finds f's and g's graphs and breaks"""
    assert subject.count_graphs(subject.f, torch.ones(3)) == (2, 1), "f: an if on a tensor should give 2 graphs and 1 break"
    assert subject.count_graphs(subject.g, torch.ones(3)) == (2, 1), "g: .item() should give 2 graphs and 1 break"
    assert subject.count_graphs(lambda x: (x * 2).sum(), torch.ones(3)) == (1, 0), "(x * 2).sum() has one graph and no break"


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_f_fixed_same_results(subject, sign):
    """f_fixed computes what f computes, for both branches"""
    x = torch.full((3,), sign)
    assert torch.equal(subject.f_fixed(x), subject.f(x)), f"f_fixed({x.tolist()}) should equal f: {subject.f(x).tolist()}"


def test_f_fixed_one_graph(subject):
    """torch.compile(f_fixed, fullgraph=True) compiles one graph for both branches"""
    counter = CompileCounter()
    compiled = torch.compile(subject.f_fixed, backend=counter, fullgraph=True)
    try:
        for sign in (1.0, -1.0):
            compiled(torch.full((3,), sign))
    except Exception as error:  # fullgraph=True raises at the first graph break
        pytest.fail(f"fullgraph=True found a graph break in f_fixed: {str(error).splitlines()[0]}")
    assert counter.frame_count == 1, f"f_fixed compiled {counter.frame_count} graphs for both branches; expected 1"


def test_g_fixed(subject):
    """g_fixed computes what g computes, with no graph break"""
    x = torch.tensor([1.0, 2.0, 4.0])
    assert torch.equal(subject.g_fixed(x), subject.g(x)), f"g_fixed({x.tolist()}) should be {subject.g(x).tolist()}"
    breaks = dynamo.explain(subject.g_fixed)(x).graph_break_count
    assert breaks == 0, f"g_fixed still has {breaks} graph break(s): keep the sum a tensor, no .item()"


def test_compile_for_all_sizes(subject):
    """Four sizes, one graph compiled"""
    counter = CompileCounter()
    compiled = subject.compile_for_all_sizes(lambda x: (x * 2 + 1).sum(), counter)
    for n in (2, 3, 4, 5):
        out = compiled(torch.ones(n))
        assert out.item() == 3 * n, f"the compiled function on torch.ones({n}) returned {out.item()}, expected {3 * n}"
    assert counter.frame_count == 1, (
        f"sizes 2, 3, 4 and 5 compiled {counter.frame_count} graphs; expected 1. By default the first graph is"
        " specialised on its exact size and a new size recompiles it with the size dynamic"
    )
