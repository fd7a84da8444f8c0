# The same function, traced into a graph on first call.
import tensorflow as tf


@tf.function
def scale(x, factor):
    return x * factor


print(scale(tf.constant([1.0, 2.0]), 3.0).numpy())
