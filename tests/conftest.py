"""Shared helpers for the engine's CPython tests."""

from __future__ import annotations

import pathlib

import pytest

from lite.page import PageNode
from lite.testing import TestClient

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def example():
    """Return a function that opens ``examples/NAME.py`` in a fresh test client."""

    def open_example(name: str) -> TestClient:
        return TestClient(str(EXAMPLES / f"{name}.py"))

    return open_example


def values(nodes: list[PageNode]) -> list:
    return [node.props["value"] for node in nodes]


def button_in(node: PageNode, text: str) -> PageNode:
    """Return the button showing ``text`` inside ``node``."""
    found = [n for n in node.walk() if n.kind == "button" and n.props["value"] == text]
    assert len(found) == 1, f"expected one {text!r} button, found {len(found)}"
    return found[0]
