"""Exercise 10: tf.function retracing.

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
    # TODO: each Python int is a new signature (6 traces); pass the factor so that scale traces once
    return [scale(x, k) for k in range(6)]


# TODO: give normalize an input_signature (a tf.TensorSpec) that accepts float32 vectors of any length
@tf.function
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
