# torch.jit.trace records the branch the example
# input took, and only that branch.
import warnings

import torch

warnings.simplefilter("default")  # read them: printed here, trimmed
warnings.showwarning = lambda m, c, *_: print(f"{c.__name__}: {str(m)[:40]}…")
neg = -torch.ones(3)


# region core
def f(x):
    if x.sum() > 0:
        return x * 2
    return x - 100


traced = torch.jit.trace(f, torch.ones(3))  # x > 0
print("eager  f(neg):", f(neg))
print("traced f(neg):", traced(neg))  # replays x * 2
# endregion core
