"""Exercise 12: export a PyTorch model to ONNX, run it with ONNX Runtime — and then without Python (solution).

ONNX is a file format for computation graphs that every major framework and runtime understands.
Export the small network below, run the file with ONNX Runtime, and the checks will load the very same
file from TypeScript (load-in-node.ts, onnxruntime-node) and compare the numbers.
"""

import numpy as np
import onnxruntime
import torch


class TinyNet(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layers = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


def export_to_onnx(model: torch.nn.Module, path: str) -> None:
    """Writes `model` to `path` as ONNX: input named "x" of shape [batch, 4] with ANY batch size, output "y"."""
    model.eval()
    example = (torch.randn(3, 4),)
    torch.onnx.export(
        model,
        example,
        path,
        input_names=["x"],
        output_names=["y"],
        dynamic_shapes={"x": {0: torch.export.Dim("batch")}},  # keyed by forward()'s argument name
        dynamo=True,
        verbose=False,
    )


def run_with_onnxruntime(path: str, x: np.ndarray) -> np.ndarray:
    """Runs the .onnx file at `path` on the float32 array x with ONNX Runtime; returns the output "y"."""
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    (y,) = session.run(["y"], {"x": x})
    return y
