"""What torch.compile does with graph breaks, guards and recompiles: the reference for the engine's `compile`.

Each case is a function and a sequence of calls. For each call we record how many graphs the backend has
compiled so far (torch's CompileCounter, the counting backend of torch._dynamo.testing), and for the first
call what torch._dynamo.explain says (graphs, breaks). The same cases are written in TypeScript in
tests/unit/engine/compile-reference.test.ts, which checks the engine against the JSON this writes;
tests/python/test_compile_reference.py checks that JSON against real torch, so both sides stay honest.

    python scripts/compile_reference.py      # writes tests/fixtures/compile-reference.json (torch 2.13)
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import torch
import torch._dynamo as dynamo
from torch._dynamo.testing import CompileCounter

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "compile-reference.json"


def ones(n: int, sign: float = 1.0) -> torch.Tensor:
    return torch.full((n,), sign, dtype=torch.float64)


# The functions, as simple as the engine's versions (tests/unit/engine/compile-reference.test.ts).
def no_break(x):
    return (x * 2).relu().sum()


def item_break(x):
    s = x.sum().item()  # a concrete number: the graph ends here
    return x * s


def if_break(x):
    y = x * 2
    if y.sum() > 0:  # a Python if on a tensor: the graph ends here
        return y + 1
    return y - 1


def break_in_branch(x):
    y = x.exp()
    if y.sum() > 3:
        z = y * 2
        k = z.sum().item()  # a second break, inside the branch
        return z + k
    return y - 1


def size_after_break(x):
    y = x * 2
    if y.sum() > 0:
        return y.relu()
    return y.neg()


def with_cond(x):
    return torch.cond(x.sum() > 0, lambda x: x * 2, lambda x: -x, (x,))


# name -> (function, the calls' inputs as (size, sign))
CASES = {
    "no_break": (no_break, [(3, 1), (3, 1), (5, 1), (7, 1)]),
    "item_break": (item_break, [(3, 1), (3, 1), (3, 2), (5, 1), (7, 1)]),
    "if_break": (if_break, [(3, 1), (3, 1), (3, -1), (5, 1), (7, 1), (9, -1)]),
    "break_in_branch": (break_in_branch, [(3, 1), (3, 1), (3, -5), (5, 1)]),
    "size_after_break": (size_after_break, [(3, 1), (5, 1), (7, 1), (3, -1), (5, -1)]),
    "with_cond": (with_cond, [(3, 1), (3, -1), (5, 1), (7, -1)]),
}


def run_case(fn, calls) -> dict:
    dynamo.reset()
    counter = CompileCounter()
    compiled = torch.compile(fn, backend=counter)
    counts = []
    for size, sign in calls:
        compiled(ones(size, sign))
        counts.append(counter.frame_count)
    dynamo.reset()
    size, sign = calls[0]
    explained = dynamo.explain(fn)(ones(size, sign))
    dynamo.reset()
    return {
        "calls": [{"size": s, "sign": g} for s, g in calls],
        "compileCounts": counts,
        "graphCount": explained.graph_count,
        "graphBreakCount": explained.graph_break_count,
    }


def reference() -> dict:
    logging.getLogger("torch._dynamo").setLevel(logging.ERROR)  # the break warnings are what we count
    return {
        "torch": torch.__version__.split("+")[0],
        "cases": {name: run_case(fn, calls) for name, (fn, calls) in CASES.items()},
    }


if __name__ == "__main__":
    data = reference()
    FIXTURE.write_text(json.dumps(data, indent=2) + "\n")
    json.dump(data["cases"], sys.stdout, indent=None)
    print()
