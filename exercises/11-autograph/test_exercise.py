"""Checks for exercise 11: right answers, and loops that live in the graph (a While op), not unrolled."""

import numpy as np
import pytest
import tensorflow as tf


def op_types(concrete) -> list[str]:
    return sorted({op.type for op in concrete.graph.get_operations()})


@pytest.mark.parametrize(("n", "expected"), [(1, 0), (6, 8), (27, 111)])
def test_collatz_values(subject, n, expected):
    """collatz_steps counts the steps to 1"""
    got = int(subject.collatz_steps(tf.constant(n)))
    assert got == expected, f"collatz_steps({n}) should be {expected}, got {got}"


def test_collatz_is_a_graph_loop(subject):
    """collatz_steps becomes a While op"""
    types = op_types(subject.collatz_steps.get_concrete_function(tf.TensorSpec([], tf.int32)))
    assert any("While" in t for t in types), (
        f"expected a While (or StatelessWhile) op in collatz_steps' graph, but it has only {types}."
        " Write a `while n != 1:` loop — its condition is a tensor, so AutoGraph converts it"
    )


def test_rows_for_any_count(subject):
    """sum_of_squared_rows traces once for any number of rows, as a graph loop"""
    spec = tf.TensorSpec([None, 3], tf.float32)
    try:
        concrete = subject.sum_of_squared_rows.get_concrete_function(spec)
    except Exception as error:
        last = [line.strip() for line in str(error).splitlines() if line.strip()][-1]
        pytest.fail(
            f"tracing sum_of_squared_rows for an unknown number of rows failed ({last}). A Python loop over"
            " tf.unstack(xs) needs the count at trace time; `for row in xs:` becomes a loop in the graph",
            pytrace=False,
        )
    types = op_types(concrete)
    assert any("While" in t for t in types), f"expected a While op in sum_of_squared_rows' graph, but it has only {types}"
    for rows in (2, 5):
        xs = np.arange(rows * 3, dtype=np.float32).reshape(rows, 3)
        got = np.asarray(concrete(tf.constant(xs)))
        expected = (xs * xs).sum(axis=0)
        assert np.allclose(got, expected), f"for {rows} rows expected {expected.tolist()}, got {got.tolist()}"
