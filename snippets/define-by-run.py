# Define-by-run: each line runs now and records itself for autograd.
import torch

x = torch.tensor(2.0, requires_grad=True)
a = x * x             # computed now: 4.0
y = a + 3 * x         # computed now: 10.0
print("y =", y.item())  # a real number, mid-computation

y.backward()          # walk the recorded graph backwards
print("dy/dx =", x.grad.item())
