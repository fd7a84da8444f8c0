# A PyTorch training step: gradients accumulate,
# so zero them first.
import torch

torch.manual_seed(0)
x, y = torch.randn(64, 3), torch.randn(64, 1)
model = torch.nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = torch.nn.MSELoss()
first = loss_fn(model(x), y).item()

# region step
for _ in range(20):
    opt.zero_grad()        # .grad would add up
    loss = loss_fn(model(x), y)   # recorded
    loss.backward()        # fills p.grad
    opt.step()
# endregion step

print("loss went down:", loss.item() < first)
