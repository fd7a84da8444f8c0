# torch.jit.trace records the branch the example
# input took, and only that branch.
import warnings

import torch

warnings.simplefilter("ignore")  # warnings: on the slide
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
