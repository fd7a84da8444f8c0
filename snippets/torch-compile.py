# torch.compile: TorchDynamo captures graphs from
# bytecode and guards what it assumed.
import torch

neg = -torch.ones(3)


# region core
def f(x):
    if x.sum() > 0:  # data-dependent: graph break
        return x * 2
    return x - 100


# default backend "inductor" compiles C++ (slow start)
compiled = torch.compile(f, backend="aot_eager")
print("compiled f(neg):", compiled(neg))
print("compiled f(pos):", compiled(-neg))
# endregion core
