"""A snapshot of what the page shows: one node per visible block, with its props."""

from __future__ import annotations

from typing import Any, Iterator


class Node:
    """One element of the page: its block, kind, props and children.

    ``node_id`` names the DOM node. The diff sets it: a node shown in an element of
    the previous tree keeps that element's id, a new one takes its block's id.
    """

    __slots__ = ("block_id", "kind", "props", "children", "node_id", "seed", "_signature")
    _signature: int | None

    def __init__(self, block_id: int, kind: str, props: dict[str, Any],
                 children: list[Node], seed: str | None = None) -> None:
        self.block_id = block_id
        self.kind = kind
        self.props = props
        self.children = children
        self.node_id = block_id
        self.seed = seed
        self._signature = None

    def signature(self) -> int:
        """Return a hash of the kind, the seed and the children's signatures.

        The seed is a short text that distinguishes blocks, such as their constructor
        arguments, and falls back to the props. The diff only uses signatures to pick
        which old element to reuse, then compares props one by one, so two different
        nodes with one signature cost an update op, never a wrong page.
        """
        if self._signature is None:
            children = tuple(child.signature() for child in self.children)
            seed = self.seed if self.seed is not None else repr(self.props)
            self._signature = hash((self.kind, seed, children))
        return self._signature

    def walk(self) -> Iterator[Node]:
        """Yield this node and every node below it, parents first."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def __repr__(self) -> str:
        return f"Node({self.kind}, node_id={self.node_id}, block_id={self.block_id})"

