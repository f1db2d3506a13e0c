"""A snapshot of what the page shows: one node per visible block, with its props."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Iterator


class Node:
    """One element of the page: its block, kind, props and children.

    ``node_id`` names the DOM node. The diff sets it: a node shown in an element of
    the previous tree keeps that element's id, a new one takes its block's id.
    """

    __slots__ = ("block_id", "kind", "props", "children", "node_id", "_signature")

    def __init__(self, block_id: int, kind: str, props: dict[str, Any],
                 children: list[Node]) -> None:
        self.block_id = block_id
        self.kind = kind
        self.props = props
        self.children = children
        self.node_id = block_id
        self._signature: str | None = None

    def signature(self) -> str:
        """Return a digest of the kind, props and children, equal for equal subtrees."""
        if self._signature is None:
            text = json.dumps([self.kind, self.props], sort_keys=True, default=_encode)
            digest = hashlib.blake2b(text.encode(), digest_size=12)
            for child in self.children:
                digest.update(child.signature().encode())
            self._signature = digest.hexdigest()
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


def _encode(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return hashlib.blake2b(bytes(value), digest_size=12).hexdigest()
    return repr(value)
