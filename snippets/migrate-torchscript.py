# Moving a TorchScript artefact to torch.export: same module, a .pt2 file
# instead of a scripted .pt, and no deprecation warning.
import warnings

import torch

warnings.simplefilter("default")  # read them: printed here, trimmed
warnings.showwarning = lambda m, c, *_: print(f"{c.__name__}: {str(m)[:32]}…")
x = torch.tensor([-1.0, 2.0, 3.0])


# region core
class Scale(torch.nn.Module):
    def forward(self, x):
        return torch.relu(x) * 2


torch.jit.script(Scale()).save("scale.pt")  # before

ep = torch.export.export(Scale(), (x,))  # after
torch.export.save(ep, "scale.pt2")
print("pt2:", torch.export.load("scale.pt2").module()(x))
# endregion core
