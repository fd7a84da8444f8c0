"""The compile reference (tests/fixtures/compile-reference.json) is what real torch.compile does today.

The engine's `compile` is checked against that fixture by tests/unit/engine/compile-reference.test.ts;
this test checks the fixture against torch itself, so the engine is compared with torch, not with a
copy of our own expectations.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import compile_reference  # noqa: E402


def test_fixture_matches_torch_compile():
    recorded = json.loads(compile_reference.FIXTURE.read_text())
    assert recorded["cases"] == compile_reference.reference()["cases"]
