"""The Open-in-Colab link of an exercise's notebook, from the one configured base in notebooks/colab.json."""

from __future__ import annotations

import json
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "notebooks" / "colab.json"


def base() -> str:
    return json.loads(CONFIG.read_text(encoding="utf-8"))["base"].rstrip("/")


def link(exercise_id: str) -> str:
    return f"{base()}/{exercise_id}.ipynb"
