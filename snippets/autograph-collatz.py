# AutoGraph turns a loop on a tensor into one graph op.
import tensorflow as tf


# region fn
@tf.function
def collatz(n):
    steps = tf.constant(0)
    while n > 1:          # tensor test: tf.while_loop
        if n % 2 == 0:    # tensor test: tf.cond
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
# endregion fn


print("collatz(27) =", int(collatz(tf.constant(27))))
code = tf.autograph.to_code(collatz.python_function)
print("uses ag__.while_stmt:", "ag__.while_stmt" in code,
      "| ag__.if_stmt:", "ag__.if_stmt" in code)
spec = tf.TensorSpec([], tf.int32)
graph = collatz.get_concrete_function(spec).graph
ops = {op.type for op in graph.get_operations()}
print("graph ops:", sorted(t for t in ops if "While" in t))
