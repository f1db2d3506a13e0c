"""Helpers shared by the engine's CPython tests."""

from __future__ import annotations

import pathlib

from lite.page import PageNode

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"


def values(nodes: list[PageNode]) -> list:
    return [node.props["value"] for node in nodes]


def button_in(node: PageNode, text: str) -> PageNode:
    """Return the button showing ``text`` inside ``node``."""
    found = [n for n in node.walk() if n.kind == "button" and n.props["value"] == text]
    assert len(found) == 1, f"expected one {text!r} button, found {len(found)}"
    return found[0]
