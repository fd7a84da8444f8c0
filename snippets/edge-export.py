# PyTorch's edge path starts with torch.export: an ExportedProgram, saved
# as a file, that ExecuTorch lowers further to a .pte program.
import torch

# region core
model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU())
x = torch.ones(1, 3)

ep = torch.export.export(model, (x,))
torch.export.save(ep, "model.pt2")
ops = [n.name for n in ep.graph.nodes if n.op == "call_function"]
print(type(ep).__name__, ops)

back = torch.export.load("model.pt2").module()
print("same result:", torch.equal(back(x), model(x)))
# endregion core
