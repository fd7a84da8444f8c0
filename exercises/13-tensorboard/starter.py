"""Exercise 13 (optional): TensorBoard from both frameworks.

TensorBoard started in TensorFlow, and PyTorch writes the same event files. Log one list of losses from
each framework into its own run folder; `tensorboard --logdir <parent>` then shows both curves together.
"""

import tensorflow as tf
from torch.utils.tensorboard import SummaryWriter


def log_torch(logdir: str, losses: list[float]) -> None:
    """Writes each loss as the scalar "loss" at step 0, 1, 2, … into logdir, with PyTorch's SummaryWriter."""
    writer = SummaryWriter(logdir)
    # TODO: writer.add_scalar(tag, value, step) for every loss
    # TODO: close the writer, so that everything reaches the file


def log_tf(logdir: str, losses: list[float]) -> None:
    """The same with TensorFlow: tf.summary.scalar inside a file writer's default context."""
    writer = tf.summary.create_file_writer(logdir)
    # TODO: with writer.as_default(): tf.summary.scalar(name, value, step=step) for every loss
    writer.close()
