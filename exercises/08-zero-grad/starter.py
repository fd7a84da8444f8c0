"""Exercise 08: the forgotten zero_grad.

`train` below runs a plain PyTorch training loop and records, for every step, the loss and the size
(norm) of the gradient it applied. Something is off: the gradients keep growing. Find out why and fix it,
then use the same mechanism on purpose in `accumulate`.
"""

import torch


def grad_norm(model: torch.nn.Module) -> float:
    """The length of all parameter gradients taken together."""
    return torch.sqrt(sum((p.grad ** 2).sum() for p in model.parameters())).item()


def train(model: torch.nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor, steps: int) -> list[dict]:
    loss_fn = torch.nn.MSELoss()
    history = []
    for _ in range(steps):
        # TODO: something is missing here — where do the gradients of the previous step go?
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
        # TODO: let the gradients of each slice add up in .grad — scaled so that their sum equals the
        # gradient of the mean loss over the whole batch (each slice's loss is a mean over that slice)
    # TODO: one optimizer step, after all the slices
