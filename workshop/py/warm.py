"""What the warm worker pays once, before any check is forked from it.

PyTorch may be exercised here (its state is copied into each child and nothing a child does comes back).
TensorFlow may only be imported: once the parent has run a single TF op, its eager runtime's thread pools
exist only in the parent, and a forked child's first tf.function call waits for them forever.
"""

from __future__ import annotations

import gc
import os
import sys
import time


def warm_up() -> dict:
    started = time.perf_counter()
    import keras  # noqa: F401  (Keras 3 loads lazily from tf.keras; importing it here is the slow part)
    import numpy  # noqa: F401
    import tensorflow as tf
    import torch

    tf.get_logger().setLevel("ERROR")  # retracing warnings are what some exercises provoke
    # The exercises use tiny tensors: one thread each is fastest and leaves the other cores alone.
    torch.set_num_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    # First calls initialise kernels; pay that here rather than in every child (torch only, see above).
    model = torch.nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.nn.functional.mse_loss(model(torch.ones(2, 3)), torch.zeros(2, 1)).backward()
    optimizer.step()
    for name in ("layers", "optimizers", "utils"):
        getattr(tf.keras, name)  # resolves the lazy module without running anything
    return {
        "importMs": round((time.perf_counter() - started) * 1000),
        "versions": {"python": sys.version.split()[0], "torch": torch.__version__, "tensorflow": tf.__version__},
    }


def warm_onnx_export() -> None:
    """The first torch.onnx.export loads onnxscript and the exporter (~5-10 s); later ones take ~1 s."""
    import tempfile

    import torch

    with tempfile.TemporaryDirectory() as scratch:
        torch.onnx.export(torch.nn.Linear(2, 1), (torch.ones(1, 2),), os.path.join(scratch, "w.onnx"), dynamo=True, verbose=False)


def warm_torch_export() -> None:
    """The first torch.export loads dynamo and its symbolic shapes (seconds); later exports are quick."""
    import torch

    class Branch(torch.nn.Module):
        def forward(self, x):
            return torch.cond(x.sum() > 0, lambda t: t * 2, lambda t: t - 1, (x,))

    torch.export.export(Branch(), (torch.ones(2),)).module()(-torch.ones(2))


def warm_tensorboard() -> None:
    import torch.utils.tensorboard  # noqa: F401
    from tensorboard.backend.event_processing import event_accumulator  # noqa: F401


# One-time costs paid in the parent before the first check that needs them (found by a word in its
# checks), so every later child inherits them and the learner's time limit never pays for them.
LAZY_WARM_UPS = {"torch.export": warm_torch_export, "onnx": warm_onnx_export, "tensorboard": warm_tensorboard}
warmed: set[str] = set()


def warm_up_for(test_file: str) -> None:
    try:
        with open(test_file, encoding="utf-8") as handle:
            source = handle.read()
    except OSError:
        return  # the child reports the missing file
    for word, warm in LAZY_WARM_UPS.items():
        if word in source and word not in warmed:
            warmed.add(word)
            try:
                warm()
            except Exception as error:  # the check itself will then report the real problem
                print(f"warm-up for {word} failed: {error}", file=sys.stderr)
            gc.freeze()
