"""A model of the page: applies ops the way the renderer does, without a DOM.

The test client reads what a user would see from it, and tests compare it with the
session's tree to check that every patch leads the page to the right place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator


@dataclass
class PageNode:
    """One element of the modelled page."""

    node_id: int
    kind: str
    props: dict[str, Any]
    children: list[PageNode] = field(default_factory=list)
    parent: PageNode | None = None

    def walk(self) -> Iterator[PageNode]:
        """Yield this node and every node below it, in page order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def outline(self) -> Any:
        """Return ``(kind, props, [children...])`` for comparing trees in tests."""
        return (self.kind, self.props, [child.outline() for child in self.children])


class PageModel:
    """The page as a list of applied ops has left it."""

    def __init__(self) -> None:
        self.root: PageNode | None = None
        self.nodes: dict[int, PageNode] = {}

    def apply(self, ops: list[dict[str, Any]]) -> None:
        """Apply ``ops`` in order.

        Raises:
            ValueError: An op names a node that does not exist, or creates one twice.
        """
        for op in ops:
            getattr(self, "_" + op["op"])(op)

    def _create(self, op: dict[str, Any]) -> None:
        if op["id"] in self.nodes:
            raise ValueError(f"create: node {op['id']} exists already")
        node = PageNode(op["id"], op["kind"], dict(op["props"]))
        self.nodes[node.node_id] = node
        if op["parent"] is None:
            self.root = node
        else:
            self._insert(node, op["parent"], op["index"])

    def _update(self, op: dict[str, Any]) -> None:
        self._node(op["id"]).props.update(op["props"])

    def _move(self, op: dict[str, Any]) -> None:
        node = self._node(op["id"])
        self._detach(node)
        self._insert(node, op["parent"], op["index"])

    def _remove(self, op: dict[str, Any]) -> None:
        node = self._node(op["id"])
        self._detach(node)
        for below in node.walk():
            del self.nodes[below.node_id]

    def _node(self, node_id: int) -> PageNode:
        try:
            return self.nodes[node_id]
        except KeyError:
            raise ValueError(f"no node {node_id} on the page") from None

    def _insert(self, node: PageNode, parent_id: int, index: int) -> None:
        parent = self._node(parent_id)
        if not 0 <= index <= len(parent.children):
            raise ValueError(f"index {index} is outside node {parent_id}'s "
                             f"{len(parent.children)} children")
        parent.children.insert(index, node)
        node.parent = parent

    def _detach(self, node: PageNode) -> None:
        if node.parent is not None:
            node.parent.children.remove(node)
            node.parent = None
