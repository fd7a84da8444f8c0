"""Exercise 08: the forgotten zero_grad (reference solution)."""

import torch


def grad_norm(model: torch.nn.Module) -> float:
    """The length of all parameter gradients taken together."""
    return torch.sqrt(sum((p.grad ** 2).sum() for p in model.parameters())).item()


def train(model: torch.nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor, steps: int) -> list[dict]:
    loss_fn = torch.nn.MSELoss()
    history = []
    for _ in range(steps):
        optimizer.zero_grad()  # .grad accumulates: without this, each step adds to the last one's gradient
        loss = loss_fn(model(x), y)
        loss.backward()
        history.append({"loss": loss.item(), "grad_norm": grad_norm(model)})
        optimizer.step()
    return history


def accumulate(model: torch.nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor, micro_batches: int) -> None:
    """ONE optimizer step whose gradient is that of the whole batch (x, y), computed in `micro_batches`
    slices — how you train with a batch too big to fit in memory at once."""
    loss_fn = torch.nn.MSELoss()
    optimizer.zero_grad()
    for xs, ys in zip(x.chunk(micro_batches), y.chunk(micro_batches)):
        loss = loss_fn(model(xs), ys)
        (loss / micro_batches).backward()  # equal slices: the mean of the slice means is the full mean
    optimizer.step()
