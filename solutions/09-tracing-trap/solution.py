"""Exercise 09: the tracing trap (reference solution).

`f` branches on the *value* of its input. Tracing records only the branch the example input took, so
the traced function is silently wrong on other inputs, and torch.export refuses `f` outright.
Run this file (`.venv/bin/python exercises/09-tracing-trap/exercise.py`) to see both, then write `fixed`.
"""

import warnings

import torch


def f(x: torch.Tensor) -> torch.Tensor:
    if x.sum() > 0:  # a Python `if` on a tensor's value
        return x * 2
    return x - 100


def fixed(x: torch.Tensor) -> torch.Tensor:
    """Same answers as `f`, but with the branch inside the graph, so tracing and export keep both sides."""
    # Both branches become subgraphs; the predicate is evaluated at run time, not at trace time.
    return torch.cond(x.sum() > 0, lambda t: t * 2, lambda t: t - 100, (x,))


class Fixed(torch.nn.Module):
    """torch.export takes a module: this one just calls `fixed`."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return fixed(x)


class Original(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return f(x)


if __name__ == "__main__":
    negative = -torch.ones(3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        traced = torch.jit.trace(f, torch.ones(3))  # example input: positive
    for message in dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught):
        print(f"warning while tracing: {message[:110]}…")
    print("eager  f(negative):", f(negative))
    print("traced f(negative):", traced(negative), "← replays the branch taken by the positive example")
    try:
        torch.export.export(Original(), (torch.ones(3),))
    except Exception as error:
        print("torch.export refuses f:", type(error).__name__, "|", str(error).splitlines()[0][:100])
    program = torch.export.export(Fixed(), (torch.ones(3),))
    print("exported fixed(negative):", program.module()(negative))
