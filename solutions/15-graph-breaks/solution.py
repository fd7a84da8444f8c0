"""Exercise 15: graph breaks and recompiles in torch.compile (reference solution)."""

import torch
import torch._dynamo as dynamo


def f(x: torch.Tensor) -> torch.Tensor:
    y = x * 2
    if y.sum() > 0:  # an if on a tensor: a graph break
        return y + 1
    return y - 1


def g(x: torch.Tensor) -> torch.Tensor:
    s = x.sum().item()  # a Python number: a graph break
    return x * s


def count_graphs(fn, x: torch.Tensor) -> tuple[int, int]:
    """(graphs, graph breaks) that torch._dynamo.explain finds when fn runs on x."""
    explained = dynamo.explain(fn)(x)
    return explained.graph_count, explained.graph_break_count


def f_fixed(x: torch.Tensor) -> torch.Tensor:
    """f with the same results and no graph break: torch.compile(f_fixed, fullgraph=True) must accept it."""
    y = x * 2
    return torch.cond(y.sum() > 0, lambda y: y + 1, lambda y: y - 1, (y,))


def g_fixed(x: torch.Tensor) -> torch.Tensor:
    """g with the same results and no graph break."""
    return x * x.sum()


def compile_for_all_sizes(fn, backend):
    """fn compiled so that calls on vectors of sizes 2, 3, 4 and 5 compile one graph, not two."""
    return torch.compile(fn, backend=backend, dynamic=True)


if __name__ == "__main__":
    for fn in (f, g):
        print(fn.__name__, "graphs and breaks:", count_graphs(fn, torch.ones(3)))
