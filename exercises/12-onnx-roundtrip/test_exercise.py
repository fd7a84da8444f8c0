"""Checks for exercise 12: a valid ONNX file, the same numbers in ONNX Runtime, and the same in Node."""

import json
import subprocess
from pathlib import Path

import numpy as np
import onnx
import pytest
import torch

HERE = Path(__file__).resolve().parent


def tsx_command() -> list[str] | None:
    """The kit's own tsx if an ancestor folder has node_modules, else None. Not `npx --yes tsx`: outside the
    kit (this exercise's notebook, in Colab) that would download tsx, and a check must not reach the network."""
    for folder in [HERE, *HERE.parents]:
        local = folder / "node_modules" / ".bin" / "tsx"
        if local.exists() and (HERE / "load-in-node.ts").exists():
            return [str(local)]
    return None


@pytest.fixture(scope="module")
def exported(subject_once, workdir_once):
    """Exports once for all checks (an export takes a second or two)."""
    torch.manual_seed(0)
    model = subject_once.TinyNet()
    path = workdir_once / "tiny.onnx"
    subject_once.export_to_onnx(model, str(path))
    assert path.exists(), f"export_to_onnx did not write {path.name}: call torch.onnx.export with the path it is given"
    model.eval()
    return model, path


def expected(model, x: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return model(torch.from_numpy(x)).numpy()


def batch(rows: int) -> np.ndarray:
    return np.random.default_rng(rows).normal(size=(rows, 4)).astype(np.float32)


def test_valid_onnx_with_named_io(exported):
    """The file is a valid ONNX model with input x and output y"""
    _, path = exported
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    inputs = [i.name for i in model.graph.input]
    outputs = [o.name for o in model.graph.output]
    assert inputs == ["x"] and outputs == ["y"], f'expected input ["x"] and output ["y"], got inputs {inputs} and outputs {outputs}'


def test_onnxruntime_matches_pytorch(subject_once, exported):
    """ONNX Runtime gives PyTorch's numbers, for any batch size"""
    model, path = exported
    for rows in (3, 1, 7):
        x = batch(rows)
        try:
            got = subject_once.run_with_onnxruntime(str(path), x)
        except Exception as error:
            message = first = str(error).strip().splitlines()[0][:200]
            if "dimension" in first.lower() or "shape" in first.lower():
                message = f"{first} — was the batch dimension exported as dynamic (torch.export.Dim)?"
            pytest.fail(f"ONNX Runtime could not run a batch of {rows}: {type(error).__name__}: {message}", pytrace=False)
        want = expected(model, x)
        assert np.shape(got) == want.shape, f"for a batch of {rows} expected an output of shape {want.shape}, got {np.shape(got)}"
        gap = float(np.abs(np.asarray(got) - want).max())
        assert gap < 1e-5, f"ONNX Runtime's output differs from PyTorch's by up to {gap:.4f} for a batch of {rows}"


def test_node_gets_the_same_numbers(exported):
    """The same .onnx file, loaded from TypeScript with onnxruntime-node, gives the same numbers"""
    model, path = exported
    command = tsx_command()
    if command is None:
        pytest.skip("the kit's Node side (node_modules) is not here, so the TypeScript side cannot run")
    x = batch(2)
    run = subprocess.run(
        [*command, str(HERE / "load-in-node.ts"), str(path), json.dumps(x.tolist())],
        capture_output=True, text=True, timeout=60, cwd=HERE,
    )
    assert run.returncode == 0, f"load-in-node.ts failed: {(run.stderr.strip().splitlines() or ['no output'])[-1]}"
    result = json.loads(run.stdout.strip().splitlines()[-1])
    got = np.array(result["data"], dtype=np.float32).reshape(result["dims"])
    gap = float(np.abs(got - expected(model, x)).max())
    assert gap < 1e-5, f"onnxruntime-node's output differs from PyTorch's by up to {gap:.4f}"
