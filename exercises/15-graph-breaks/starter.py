"""Exercise 15: graph breaks and recompiles in torch.compile.

torch.compile captures graphs from your Python as it runs. Where the code needs a concrete value (an
`if` on a tensor, `.item()`), the graph breaks: one function becomes several graphs. Each graph is
guarded on the shapes it saw; a new size recompiles it. Find the breaks, remove them, and stop the
recompiles.
"""

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
    # TODO: call dynamo.explain(fn)(x) and return its graph_count and graph_break_count
    raise NotImplementedError("count_graphs")


def f_fixed(x: torch.Tensor) -> torch.Tensor:
    """f with the same results and no graph break: torch.compile(f_fixed, fullgraph=True) must accept it."""
    # TODO: keep the decision in the graph: torch.cond(pred, true_fn, false_fn, (y,)), each fn taking y
    return f(x)


def g_fixed(x: torch.Tensor) -> torch.Tensor:
    """g with the same results and no graph break."""
    # TODO: multiply by the sum as a tensor, without turning it into a Python number
    return g(x)


def compile_for_all_sizes(fn, backend):
    """fn compiled so that calls on vectors of sizes 2, 3, 4 and 5 compile one graph, not two."""
    # TODO: by default the first graph is specialised on its exact size, and the second size recompiles it.
    # Tell torch.compile that sizes vary from the start.
    return torch.compile(fn, backend=backend)


if __name__ == "__main__":
    for fn in (f, g):
        print(fn.__name__, "graphs and breaks:", count_graphs(fn, torch.ones(3)))
