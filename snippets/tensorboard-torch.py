# PyTorch writes TensorBoard's own event files.
import pathlib
import tempfile

from torch.utils.tensorboard import SummaryWriter

with tempfile.TemporaryDirectory() as logdir:
    with SummaryWriter(logdir) as writer:
        for step in range(3):
            writer.add_scalar("loss", 1 / (step + 1), step)
    found = pathlib.Path(logdir).glob("events.out.*")
    print("event files written:", len(list(found)))
# then: tensorboard --logdir runs/
