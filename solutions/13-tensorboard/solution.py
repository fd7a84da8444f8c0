"""Exercise 13 (optional): TensorBoard from both frameworks (reference solution).

TensorBoard started in TensorFlow, and PyTorch writes the same event files. Log one list of losses from
each framework into its own run folder; `tensorboard --logdir <parent>` then shows both curves together.
"""

import tensorflow as tf
from torch.utils.tensorboard import SummaryWriter


def log_torch(logdir: str, losses: list[float]) -> None:
    """Writes each loss as the scalar "loss" at step 0, 1, 2, … into logdir, with PyTorch's SummaryWriter."""
    writer = SummaryWriter(logdir)
    for step, loss in enumerate(losses):
        writer.add_scalar("loss", loss, step)
    writer.close()  # flushes: events are buffered


def log_tf(logdir: str, losses: list[float]) -> None:
    """The same with TensorFlow: tf.summary.scalar inside a file writer's default context."""
    writer = tf.summary.create_file_writer(logdir)
    with writer.as_default():
        for step, loss in enumerate(losses):
            tf.summary.scalar("loss", loss, step=step)
    writer.close()
