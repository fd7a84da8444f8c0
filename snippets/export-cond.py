# torch.export refuses a data-dependent `if`;
# torch.cond keeps both branches in the graph.
import torch

neg = -torch.ones(3)


class WithIf(torch.nn.Module):
    def forward(self, x):
        if x.sum() > 0:
            return x * 2
        return x - 100


try:
    torch.export.export(WithIf(), (torch.ones(3),))
except Exception as err:  # GuardOnDataDependentSymNode
    print("export error:", type(err).__name__)


# region core
class F(torch.nn.Module):
    def forward(self, x):
        return torch.cond(x.sum() > 0,
                          lambda x: x * 2,
                          lambda x: x - 100, (x,))


ep = torch.export.export(F(), (torch.ones(3),))
print("with torch.cond, f(neg):", ep.module()(neg))
# endregion core
