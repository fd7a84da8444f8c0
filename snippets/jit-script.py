# torch.jit.script compiles the Python source,
# so both branches survive.
import warnings

import torch

warnings.simplefilter("ignore")  # deprecated since 2.10
neg = -torch.ones(3)


# region core
@torch.jit.script
def f(x):
    if bool(x.sum() > 0):
        return x * 2
    return x - 100


print("scripted f(neg):", f(neg))
# endregion core
