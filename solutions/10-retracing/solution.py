"""Exercise 10: tf.function retracing (reference solution).

A tf.function is traced into a graph the first time it sees a new "signature" of arguments. Python
values (ints, floats) are part of that signature *by value*, and a new tensor shape is a new signature
too. Each trace costs time; here, both functions trace far more often than they need to.
"""

import tensorflow as tf


@tf.function
def scale(x: tf.Tensor, factor) -> tf.Tensor:
    print("tracing scale")  # a Python side effect: runs only while tracing
    return x * factor


def run_six(x: tf.Tensor) -> list[tf.Tensor]:
    """x scaled by 0, 1, …, 5."""
    # A float32 scalar tensor has one signature whatever its value: one trace for all six calls.
    return [scale(x, tf.constant(float(k))) for k in range(6)]


@tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)])  # any length: one trace
def normalize(v: tf.Tensor) -> tf.Tensor:
    """v divided by its sum, for a 1-D float32 vector of any length."""
    print("tracing normalize")
    return v / tf.reduce_sum(v)


if __name__ == "__main__":
    run_six(tf.ones(3))
    for n in range(3, 7):
        normalize(tf.ones(n))
    print("scale traced", scale.experimental_get_tracing_count(), "times; normalize",
          normalize.experimental_get_tracing_count(), "times")
