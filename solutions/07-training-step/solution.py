"""Exercise 07: the same training step in PyTorch and in TensorFlow (reference solution)."""

import tensorflow as tf
import torch


def torch_step(model: torch.nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor) -> float:
    loss_fn = torch.nn.MSELoss()
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()


def tf_step(model: tf.keras.layers.Layer, optimizer: tf.keras.optimizers.Optimizer, x: tf.Tensor, y: tf.Tensor) -> float:
    loss_fn = tf.keras.losses.MeanSquaredError()
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return float(loss)
