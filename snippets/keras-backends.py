# One Keras 3 model on three backends, each in its own process (Keras picks its
# backend at import time), then exported to ONNX by Keras itself.
import contextlib
import io
import os
import subprocess
import sys

# region core
if "KERAS_BACKEND" not in os.environ:  # run me once per backend
    for backend in ["tensorflow", "torch", "jax"]:
        env = {**os.environ, "KERAS_BACKEND": backend}
        run = subprocess.run([sys.executable, __file__], env=env,
                             capture_output=True, text=True)
        print(run.stdout, end="")
    sys.exit()

import keras, numpy as np

model = keras.Sequential([keras.Input((3,)),
                          keras.layers.Dense(2, activation="tanh"),
                          keras.layers.Dense(1)])
model.set_weights([np.full((3, 2), 0.5), np.array([0.1, -0.1]),
                   np.array([[1.0], [-2.0]]), np.array([0.3])])
x = np.array([[1.0, 2.0, 3.0]], dtype="float32")
y = model.predict(x, verbose=0)[0, 0]
print(f"{keras.backend.backend():10} {y:.6f}")

if keras.backend.backend() == "torch":
    with contextlib.redirect_stdout(io.StringIO()):  # quiet
        model.export("model.onnx", format="onnx")
    import onnxruntime as ort
    s = ort.InferenceSession("model.onnx")
    y = s.run(None, {s.get_inputs()[0].name: x})[0][0, 0]
    print(f"{'ONNX (ORT)':10} {y:.6f}")
# endregion core
