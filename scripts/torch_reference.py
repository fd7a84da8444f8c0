"""Reference values for the teaching engine, computed with real PyTorch in float64.

Run by hand when PyTorch is installed (any 2.x; made with 2.13.0):
    python scripts/torch_reference.py            # writes tests/fixtures/torch-reference.json

Each expression has an id; tests/unit/engine/torch-reference.test.ts rebuilds the same expression
with the engine (same id, same method names) and compares output and gradients at 1e-9.
"""
import json
from pathlib import Path

import torch

torch.manual_seed(0)
f64 = torch.float64


def randn(*shape):
    return torch.randn(*shape, dtype=f64)


def t(data):
    return torch.tensor(data, dtype=f64)


# id -> (inputs, expression). Expressions use only methods the engine has under the same names.
EXPRESSIONS = {
    # broadcasting a row vector over a matrix, then a product
    'broadcast_add_mul': ({'a': randn(2, 3), 'b': randn(3)},
                          lambda a, b: ((a + b) * a).sum()),
    # a column vector [2,1] broadcast against [2,3], with neg and div
    'broadcast_column_div': ({'a': randn(2, 3), 'b': randn(2, 1).abs() + 0.5},
                             lambda a, b: (a.neg() / b).sum()),
    # scalars on both sides
    'scalar_broadcast': ({'a': randn(2, 3).abs()},
                         lambda a: ((a * 2 - 1) / (a + 3)).sum()),
    # relu at exact 0-crossings: PyTorch's gradient there is 0
    'relu_at_zero': ({'a': t([-1.0, 0.0, 2.0, 0.0, -0.0, 3.5])},
                     lambda a: (a.relu() * 3).sum()),
    # matmul whose result has exact zeros, then relu
    'matmul_relu_zero': ({'x': t([[1.0, 2.0], [2.0, -1.0], [0.0, 0.0]]), 'w': t([[2.0, 1.0], [-1.0, 0.5]])},
                         lambda x, w: x.matmul(w).relu().sum()),
    # sums over one axis, with and without keepdims
    'sum_axis': ({'a': randn(2, 3), 'c': randn(3)},
                 lambda a, c: (a.sum(0) * c).sum() + (a.sum(1, keepdim=True) * a).sum()),
    # mean over an axis and over everything, through tanh and pow
    'mean_axis_tanh': ({'a': randn(3, 4)},
                       lambda a: a.tanh().mean(1).pow(2).sum() + a.mean()),
    # a sigmoid/tanh chain after an affine layer with a broadcast bias
    'sigmoid_tanh_chain': ({'x': randn(4, 3), 'w': randn(3, 2), 'b': randn(2)},
                           lambda x, w, b: x.matmul(w).add(b).tanh().sigmoid().mean()),
    # exp and log, with a [1,3] operand broadcast over rows
    'exp_log': ({'a': randn(2, 3), 'b': randn(1, 3)},
                lambda a, b: (a.exp() + b.pow(2)).log().sum()),
    # reshape and transpose
    'reshape_transpose': ({'a': randn(2, 3), 'c': randn(3, 2)},
                          lambda a, c: (a.transpose(0, 1).matmul(a).reshape([9]).sum()
                                        + (a.reshape([3, 2]) * c).sum())),
    # a two-layer MLP with relu, mean loss
    'mlp': ({'x': randn(5, 3), 'w1': randn(3, 4), 'b1': randn(4), 'w2': randn(4, 1)},
            lambda x, w1, b1, w2: x.matmul(w1).add(b1).relu().matmul(w2).pow(2).mean()),
    # 1-D operands of matmul: matrix-vector, vector-matrix, dot
    'matmul_vectors': ({'m': randn(3, 2), 'v': randn(2), 'u': randn(3)},
                       lambda m, v, u: m.matmul(v).pow(3).sum() + u.matmul(m).sum() + u.matmul(u)),
}


def main():
    cases = []
    for case_id, (inputs, fn) in EXPRESSIONS.items():
        leaves = {k: v.clone().requires_grad_(True) for k, v in inputs.items()}
        out = fn(**leaves)
        out.backward()
        cases.append({
            'id': case_id,
            'inputs': {k: v.tolist() for k, v in inputs.items()},
            'output': out.tolist(),
            'grads': {k: v.grad.tolist() for k, v in leaves.items()},
        })
    target = Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'torch-reference.json'
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {'torch': torch.__version__, 'dtype': 'float64', 'cases': cases}
    target.write_text(json.dumps(payload, indent=1) + '\n')
    print(f'wrote {len(cases)} cases to {target}')


if __name__ == '__main__':
    main()
