# torch.jit.script compiles the Python source,
# so both branches survive.
import warnings

import torch

warnings.simplefilter("default")  # read them: printed here, trimmed
warnings.showwarning = lambda m, c, *_: print(f"{c.__name__}: {str(m)[:32]}…")
neg = -torch.ones(3)


# region core
@torch.jit.script
def f(x):
    if x.sum() > 0:
        return x * 2
    return x - 100


print("scripted f(neg):", f(neg))
code = f.code.splitlines()  # bool() is added by the compiler
print([ln for ln in code if "if" in ln][0].strip())
# endregion core
