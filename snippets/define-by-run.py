# Define-by-run: each line runs now and is recorded.
import torch

x = torch.tensor(2.0, requires_grad=True)
a = x * x                 # computed now: 4.0
y = a + 3 * x             # computed now: 10.0
print("y =", y.item())    # a real number, mid-way

y.backward()              # walk the record backwards
print("dy/dx =", x.grad.item())
