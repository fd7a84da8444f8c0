"""Exercise 07: the same training step in PyTorch and in TensorFlow.

Fill in the two functions below. Each takes a model, an optimizer and one batch (x, y), performs ONE
training step on it, and returns the loss *before* the update as a Python float.
"""

import tensorflow as tf
import torch


def torch_step(model: torch.nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor) -> float:
    loss_fn = torch.nn.MSELoss()
    # TODO: clear the gradients left over from the previous step (they accumulate in .grad)
    loss = loss_fn(model(x), y)
    # TODO: let autograd fill p.grad for every parameter, then let the optimizer update the weights
    return loss.item()


def tf_step(model: tf.keras.layers.Layer, optimizer: tf.keras.optimizers.Optimizer, x: tf.Tensor, y: tf.Tensor) -> float:
    loss_fn = tf.keras.losses.MeanSquaredError()
    # TODO: record the forward pass on a tf.GradientTape (only what runs inside its `with` block is recorded)
    loss = loss_fn(y, model(x))
    # TODO: ask the tape for the gradients of the loss w.r.t. model.trainable_variables, then apply them
    return float(loss)
