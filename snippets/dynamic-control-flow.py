# The loop count depends on the data: each call
# records a different graph.
import torch

def grow(x):
    steps = 0
    while x.norm() < 10:   # Python loop, tensor test
        x = x * 2
        steps += 1
    return x, steps

for start in ([3.0, 4.0], [0.3, 0.4]):
    t = torch.tensor(start)
    out, steps = grow(t)
    n0, n1 = t.norm().item(), out.norm().item()
    print(f"norm {n0:.1f}: {steps} doublings -> {n1:.1f}")
