# Python scalars are part of tf.function's cache key:
# each new value retraces.
import tensorflow as tf

tf.get_logger().setLevel("ERROR")  # warning: on the slide
traces = 0


# region calls
@tf.function
def scale(x, factor):
    global traces
    traces += 1  # Python code: runs only when tracing
    return x * factor


x = tf.ones(3)
for k in range(6):
    scale(x, k)  # a new Python int each time
print("traces with python ints:", traces)

traces = 0
fresh = tf.function(scale.python_function)
for k in range(6):
    fresh(x, tf.constant(float(k)))  # a tensor
print("traces with tensors    :", traces)
# endregion calls
