# The loop count depends on the data, so each call builds a different graph.
import torch


def grow(x):
    steps = 0
    while x.norm() < 10:   # a plain Python loop over a tensor condition
        x = x * 2
        steps += 1
    return x, steps


for start in (torch.tensor([3.0, 4.0]), torch.tensor([0.3, 0.4])):
    out, steps = grow(start)
    print(f"start norm {start.norm().item():.1f}: {steps} doublings -> norm {out.norm().item():.1f}")
