# torch.compile: TorchDynamo captures graphs from bytecode and guards on what it assumed.
import torch

neg = -torch.ones(3)


# region core
def f(x):
    if x.sum() > 0:  # data-dependent: Dynamo splits the graph here
        return x * 2
    return x - 100


compiled = torch.compile(f, backend="aot_eager")  # default "inductor" emits C++: slow first call
print("compiled f(neg):", compiled(neg))
print("compiled f(pos):", compiled(-neg))
# endregion core
