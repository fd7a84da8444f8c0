# TensorFlow 2: eager by default, like PyTorch.
import tensorflow as tf


def scale(x, factor):
    return x * factor


print(scale(tf.constant([1.0, 2.0]), 3.0).numpy())
