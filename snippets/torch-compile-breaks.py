# torch.compile: graph breaks, guards and recompiles, counted.
import logging

import torch
import torch._dynamo as dynamo
from torch._dynamo.testing import CompileCounter

logging.getLogger("torch._dynamo").setLevel(logging.ERROR)  # the counts below say it all


# region demo
def f(x):
    y = x * 2
    if y.sum() > 0:  # an if on a tensor: graph break
        return y + 1
    return y - 1


counter = CompileCounter()  # a backend that counts graphs
compiled = torch.compile(f, backend=counter)
for n in [3, 3, 5, 7]:
    compiled(torch.ones(n))
    print(f"size {n}: {counter.frame_count} graphs compiled")
# endregion demo

# region explain
e = dynamo.explain(f)(torch.ones(3))
print("graphs:", e.graph_count, "breaks:", e.graph_break_count)
print("reason:", e.break_reasons[0].reason)


def fixed(x):
    y = x * 2
    return torch.cond(y.sum() > 0, lambda y: y + 1,
                      lambda y: y - 1, (y,))


dynamo.reset()
counter = CompileCounter()
once = torch.compile(fixed, backend=counter, fullgraph=True)
once(torch.ones(3))
print("with torch.cond:", counter.frame_count, "graph, no break")
# endregion explain
