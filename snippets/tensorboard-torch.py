# torch.utils.tensorboard writes the same event files TensorBoard reads for TF.
import pathlib
import tempfile

from torch.utils.tensorboard import SummaryWriter

with tempfile.TemporaryDirectory() as logdir:
    with SummaryWriter(logdir) as writer:
        for step in range(3):
            writer.add_scalar("loss", 1.0 / (step + 1), step)
    files = list(pathlib.Path(logdir).glob("events.out.tfevents.*"))
    print("event files written:", len(files))
# then: tensorboard --logdir runs/
