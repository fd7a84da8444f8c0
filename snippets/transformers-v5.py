# Hugging Face Transformers v5 is PyTorch-only: the TensorFlow (TF...) and JAX/Flax (Flax...) model
# classes of v4 are gone; the PyTorch ones remain. Importing needs no model download and no network.
import transformers

print("transformers", transformers.__version__)
# region core
for name in ["AutoModel", "TFAutoModel", "FlaxAutoModel"]:
    print(f"{name:14} {'yes' if hasattr(transformers, name) else 'gone'}")
# endregion core
