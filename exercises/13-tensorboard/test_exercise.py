"""Checks for exercise 13: both frameworks' event files hold the same "loss" curve."""

import numpy as np
import tensorflow as tf

LOSSES = [2.5, 1.75, 1.2, 0.9, 0.7]


def read_scalars(logdir) -> dict[int, float]:
    """Every "loss" value in the event files under logdir, by step: PyTorch writes `simple_value`,
    TensorFlow 2 a tensor — TensorBoard reads both."""
    found = {}
    for path in sorted(logdir.glob("**/events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(str(path)):
            for value in event.summary.value:
                if value.tag != "loss":
                    continue
                kind = value.WhichOneof("value")
                found[event.step] = value.simple_value if kind == "simple_value" else float(tf.make_ndarray(value.tensor))
    return found


def check_run(framework, logdir):
    files = list(logdir.glob("**/events.out.tfevents.*"))
    assert files, f"no event file in the {framework} run folder: was a writer created with the folder it was given?"
    got = read_scalars(logdir)
    expected = dict(enumerate(LOSSES))
    assert got, f"the {framework} event file holds no scalar named \"loss\" (is the tag \"loss\", and was the writer closed or flushed?)"
    assert sorted(got) == sorted(expected), f"the {framework} run logged steps {sorted(got)}; expected {sorted(expected)}"
    steps = sorted(expected)
    assert np.allclose([got[s] for s in steps], [expected[s] for s in steps]), (
        f"the {framework} run logged {[round(got[s], 3) for s in steps]}; expected {[expected[s] for s in steps]}"
    )


def test_torch_run(subject, workdir):
    """PyTorch's SummaryWriter logs the loss curve"""
    subject.log_torch(str(workdir / "torch"), LOSSES)
    check_run("PyTorch", workdir / "torch")


def test_tf_run(subject, workdir):
    """TensorFlow's tf.summary logs the same curve"""
    subject.log_tf(str(workdir / "tf"), LOSSES)
    check_run("TensorFlow", workdir / "tf")
