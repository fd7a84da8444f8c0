"""Exercise 11: AutoGraph — Python loops that become graph loops (reference solution).

Inside a tf.function, AutoGraph rewrites `while`, `for` and `if` into graph ops (tf.while_loop, tf.cond)
*only when the condition or the thing iterated over is a tensor*. Over Python values, the loop just runs
at trace time and is unrolled into the graph — or cannot be traced at all.
"""

import tensorflow as tf


@tf.function
def collatz_steps(n: tf.Tensor) -> tf.Tensor:
    """How many Collatz steps take the int32 scalar n to 1 (n → n/2 if even, else 3n + 1)."""
    steps = tf.constant(0)
    while n != 1:  # a tensor condition: AutoGraph makes a While op
        if n % 2 == 0:  # also a tensor condition: an If op inside the loop's body
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@tf.function
def sum_of_squared_rows(xs: tf.Tensor) -> tf.Tensor:
    """The sum of row * row over the rows of a [rows, 3] float32 tensor, for ANY number of rows."""
    total = tf.zeros(3)
    for row in xs:  # iterating over a tensor: a While op, whatever the number of rows
        total += row * row
    return total


if __name__ == "__main__":
    print("collatz_steps(27) =", int(collatz_steps(tf.constant(27))))
    graph = collatz_steps.get_concrete_function(tf.TensorSpec([], tf.int32)).graph
    print("op types in its graph:", sorted({op.type for op in graph.get_operations()}))
    print(tf.autograph.to_code(sum_of_squared_rows.python_function))
