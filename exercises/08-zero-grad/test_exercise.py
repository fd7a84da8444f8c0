"""Checks for exercise 08: gradients no longer pile up, and accumulation on purpose matches one big batch."""

import torch


def problem():
    torch.manual_seed(0)
    x = torch.randn(32, 3)
    y = x @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.5
    model = torch.nn.Linear(3, 1)
    return model, x, y


def test_same_gradient_when_nothing_changes(subject):
    """With the weights frozen, every step sees the same gradient"""
    model, x, y = problem()
    frozen = torch.optim.SGD(model.parameters(), lr=0.0)  # steps change nothing
    norms = [h["grad_norm"] for h in subject.train(model, frozen, x, y, steps=5)]
    assert max(norms) - min(norms) < 1e-4 * max(norms), (
        f"the weights never change (learning rate 0), so each step should see the same gradient, but its size went "
        f"{' → '.join(f'{n:.2f}' for n in norms)}: the gradients are being added up from step to step"
    )


def test_loss_falls(subject):
    """Training with a sensible learning rate lowers the loss"""
    model, x, y = problem()
    history = subject.train(model, torch.optim.SGD(model.parameters(), lr=0.1), x, y, steps=30)
    first, last = history[0]["loss"], history[-1]["loss"]
    assert last < 0.1 * first, f"expected the loss to fall below a tenth of its start over 30 steps, but it went from {first:.3f} to {last:.3f}"


def test_accumulation_matches_one_big_batch(subject):
    """Four micro-batches give the same step as the whole batch at once"""
    model, x, y = problem()
    reference = torch.nn.Linear(3, 1)
    reference.load_state_dict(model.state_dict())

    opt = torch.optim.SGD(reference.parameters(), lr=0.1)
    opt.zero_grad()
    torch.nn.MSELoss()(reference(x), y).backward()
    opt.step()

    before = model.weight.detach().clone()
    subject.accumulate(model, torch.optim.SGD(model.parameters(), lr=0.1), x, y, micro_batches=4)
    got, expected = model.weight.detach(), reference.weight.detach()
    assert not torch.equal(got, before), "accumulate() did not change the weights: is there an optimizer step after the slices?"
    gap = (got - expected).abs().max().item()
    ratio = ((got - before).norm() / (expected - before).norm()).item()
    assert gap < 1e-5, (
        f"after one accumulated step the weights should equal those after one full-batch step, but they differ by {gap:.4f} "
        f"(your step is {ratio:.2f}× as long) — do the slices' gradients add up to the full-batch gradient?"
    )
