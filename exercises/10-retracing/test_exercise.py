"""Checks for exercise 10: count how often each tf.function is traced."""

import numpy as np
import tensorflow as tf


def test_run_six_values(subject):
    """run_six returns x scaled by 0, 1, …, 5"""
    got = [np.asarray(t).tolist() for t in subject.run_six(tf.constant([1.0, 2.0]))]
    expected = [[float(k), 2.0 * k] for k in range(6)]
    assert got == expected, f"expected {expected}, got {got}"


def test_scale_traces_once(subject):
    """Six calls of scale, one trace"""
    subject.run_six(tf.ones(3))
    count = subject.scale.experimental_get_tracing_count()
    assert count == 1, (
        f"scale was traced {count} times for six calls; expected 1. A Python number is part of the trace's key"
        " by value, so each new number traces again — a tensor is keyed by its dtype and shape only"
    )


def test_normalize_values(subject):
    """normalize divides a vector by its sum"""
    got = np.asarray(subject.normalize(tf.constant([1.0, 3.0]))).tolist()
    assert got == [0.25, 0.75], f"normalize([1, 3]) should be [0.25, 0.75], got {got}"


def test_normalize_traces_once(subject):
    """Vectors of four lengths, one trace"""
    for n in range(3, 7):
        out = subject.normalize(tf.ones(n))
        assert out.shape == (n,), f"normalize of a length-{n} vector returned shape {tuple(out.shape)}"
    count = subject.normalize.experimental_get_tracing_count()
    assert count == 1, (
        f"normalize was traced {count} times for vectors of lengths 3, 4, 5 and 6; expected 1. Each new shape is a new"
        " signature unless an input_signature says which shapes one graph accepts (None = any length)"
    )
