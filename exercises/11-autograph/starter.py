"""Exercise 11: AutoGraph — Python loops that become graph loops.

Inside a tf.function, AutoGraph rewrites `while`, `for` and `if` into graph ops (tf.while_loop, tf.cond)
*only when the condition or the thing iterated over is a tensor*. Over Python values, the loop just runs
at trace time and is unrolled into the graph — or cannot be traced at all.
"""

import tensorflow as tf


@tf.function
def collatz_steps(n: tf.Tensor) -> tf.Tensor:
    """How many Collatz steps take the int32 scalar n to 1 (n → n/2 if even, else 3n + 1)."""
    steps = tf.constant(0)
    # TODO: loop while n != 1 — n is a tensor, so AutoGraph turns the loop into a While op in the graph;
    # in the body, halve n if it is even, else make it 3n + 1, and count the step
    return steps


@tf.function
def sum_of_squared_rows(xs: tf.Tensor) -> tf.Tensor:
    """The sum of row * row over the rows of a [rows, 3] float32 tensor, for ANY number of rows."""
    total = tf.zeros(3)
    # TODO: tf.unstack makes a Python list, so this loop is unrolled at trace time and needs the number of
    # rows up front. Iterate over the tensor itself so AutoGraph makes a loop in the graph.
    for row in tf.unstack(xs):
        total += row * row
    return total


if __name__ == "__main__":
    print("collatz_steps(27) =", int(collatz_steps(tf.constant(27))))
    graph = collatz_steps.get_concrete_function(tf.TensorSpec([], tf.int32)).graph
    print("op types in its graph:", sorted({op.type for op in graph.get_operations()}))
    print(tf.autograph.to_code(sum_of_squared_rows.python_function))
