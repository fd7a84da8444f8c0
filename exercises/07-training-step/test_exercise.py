"""Checks for exercise 07: both steps train, and from the same weights they take the same steps."""

import numpy as np
import tensorflow as tf
import torch

STEPS = 20


def batch():
    """A fixed regression problem: y = x @ w + 0.5 plus a little noise."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 3)).astype(np.float32)
    y = (x @ np.array([[1.5], [-2.0], [0.5]], dtype=np.float32) + 0.5 + 0.05 * rng.normal(size=(32, 1))).astype(np.float32)
    return x, y


def torch_model(weights):
    model = torch.nn.Linear(3, 1)
    with torch.no_grad():
        model.weight.copy_(torch.from_numpy(weights[0].T.copy()))  # PyTorch stores (out, in)
        model.bias.copy_(torch.from_numpy(weights[1]))
    return model, torch.optim.SGD(model.parameters(), lr=0.1)


def tf_model(weights):
    model = tf.keras.layers.Dense(1)
    model.build((None, 3))
    model.set_weights(weights)  # Keras stores the kernel as (in, out)
    return model, tf.keras.optimizers.SGD(learning_rate=0.1)


def start_weights():
    rng = np.random.default_rng(1)
    return [rng.normal(size=(3, 1)).astype(np.float32), np.zeros(1, dtype=np.float32)]


def train(step, model, optimizer, x, y):
    losses = [step(model, optimizer, x, y) for _ in range(STEPS)]
    for loss in losses:
        assert isinstance(loss, float), f"the step should return the loss as a Python float, but it returned {type(loss).__name__}"
    return losses


def falls(framework, losses):
    first, last = losses[0], losses[-1]
    assert last < 0.5 * first, (
        f"expected the {framework} loss to fall over {STEPS} steps, but it went from {first:.3f} to {last:.3f}"
        " — is the step updating the weights?"
    )


def test_torch_loss_falls(subject):
    """The PyTorch step trains the model"""
    torch.manual_seed(0)
    x, y = batch()
    model, optimizer = torch_model(start_weights())
    falls("PyTorch", train(subject.torch_step, model, optimizer, torch.from_numpy(x), torch.from_numpy(y)))


def test_tf_loss_falls(subject):
    """The TensorFlow step trains the model"""
    tf.keras.utils.set_random_seed(0)
    x, y = batch()
    model, optimizer = tf_model(start_weights())
    falls("TensorFlow", train(subject.tf_step, model, optimizer, tf.constant(x), tf.constant(y)))


def test_same_steps_in_both_frameworks(subject):
    """From the same weights, PyTorch and TensorFlow take the same three steps"""
    x, y = batch()
    weights = start_weights()
    tm, topt = torch_model(weights)
    km, kopt = tf_model(weights)
    for step in range(1, 4):
        subject.torch_step(tm, topt, torch.from_numpy(x), torch.from_numpy(y))
        subject.tf_step(km, kopt, tf.constant(x), tf.constant(y))
        got = tm.weight.detach().numpy().T
        expected = km.get_weights()[0]
        gap = float(np.abs(got - expected).max())
        assert gap < 1e-4, (
            f"after step {step} the PyTorch weights differ from the TensorFlow ones by {gap:.4f}"
            f" (PyTorch {got.ravel().round(3).tolist()}, TensorFlow {expected.ravel().round(3).tolist()})."
            " Both use plain SGD on the same data, so they should agree: does each step start from fresh gradients?"
        )
