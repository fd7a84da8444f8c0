"""Splits an exercise's starter into the notebook's two code cells: the given code, then the learner's.

The learner's cell starts at the first top-level statement that carries a `# TODO:` (with the comments
just above it), so `given + answer` is the starter itself and line numbers in a check's message map back
by a constant offset. An `if __name__ == "__main__":` block is left out: in a notebook `__name__` is
"__main__", and the block would run the unsolved functions as soon as the cell runs.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

TODO = "# TODO"


@dataclass(frozen=True)
class Split:
    given: str
    answer: str


def is_main_block(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    names = [node.test.left, *node.test.comparators]
    return any(isinstance(n, ast.Name) and n.id == "__name__" for n in names)


def first_line(node: ast.stmt) -> int:
    """0-based first line of a statement, its decorators included."""
    return min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))]) - 1


def regions(source: str) -> list[tuple[ast.stmt, int, int]]:
    """Each top-level statement with its line range (0-based, end exclusive). A range takes in the blank
    lines and column-0 comments just above its statement; indented comments after a body (a TODO below
    the last line of a function) stay with that function."""
    lines = source.splitlines()
    body = ast.parse(source).body
    starts = []
    for index, node in enumerate(body):
        floor = (body[index - 1].end_lineno or 0) if index else 0
        start = first_line(node)
        while start > floor and (not lines[start - 1].strip() or lines[start - 1].startswith("#")):
            start -= 1
        starts.append(start)
    ends = [*starts[1:], len(lines)]
    return [(node, start, end) for node, start, end in zip(body, starts, ends)]


def without_main(source: str) -> str:
    """The source with its `if __name__ == "__main__":` block (and the comments above it) removed."""
    lines = source.splitlines(keepends=True)
    found = regions(source)
    kept: list[str] = lines[: found[0][1]] if found else lines
    for node, start, end in found:
        if not is_main_block(node):
            kept.extend(lines[start:end])
    return "".join(kept).rstrip("\n") + "\n"


def split_starter(source: str) -> Split:
    source = without_main(source)
    lines = source.splitlines(keepends=True)
    for _node, start, end in regions(source):
        if any(TODO in line for line in lines[start:end]):
            # Blank lines between the given code and the first TODO stay with the given code.
            while start < end and not lines[start].strip():
                start += 1
            return Split(given="".join(lines[:start]), answer="".join(lines[start:]).rstrip("\n") + "\n")
    raise ValueError("the starter has no top-level statement with a `# TODO:`: nothing for the learner to do")
