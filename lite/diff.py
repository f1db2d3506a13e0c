"""The keyed diff: the ops that turn the page's tree into the session's tree.

Each new node is matched to a DOM node of the old tree in three passes, per parent:

1. Same block: a static block, or a keyed block that a re-render gave its old id.
   This pass looks through the whole old tree, so a block that changed parent is
   moved, not rebuilt.
2. Same look: an unkeyed block of a re-render is a new block, but if an old node of
   the same parent has an equal signature (kind, props and subtree), its element is
   reused. Marking one task done in a to-do list of 1,000 rows thus removes one row
   instead of rebuilding the other 999.
3. Same kind, in order: the first unused old node of that kind in the parent is
   updated in place, which is cheaper than removing one element and creating another.

Old nodes that are still unmatched are removed. Then, walking the new children left to
right, a matched node not already at its index is moved there and an unmatched one is
created there. Indexes are kept right by simulating the page's child lists, so the
ops can be applied one after another without the renderer knowing about the diff.

Worked example: old children ``[A, B, C]``, new children ``[C', A', D]`` where ``A'``
and ``C'`` are the same blocks as ``A`` and ``C``. Pass 1 matches both; ``B`` is
removed (page: ``[A, C]``); index 0 wants ``C``, so ``move C 0`` (page: ``[C, A]``);
index 1 is already ``A``; index 2 gets ``create D 2``.
"""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any

from .tree import Node

Op = dict[str, Any]


def diff(old_root: Node | None, new_root: Node) -> list[Op]:
    """Return the ops that turn ``old_root`` into ``new_root``.

    Sets ``node_id`` on every node of ``new_root``. ``old_root`` is left unchanged.
    """
    if old_root is None:
        ops: list[Op] = []
        _create(new_root, None, 0, ops)
        return ops
    return _Diff(old_root, new_root).run()


class _Diff:
    def __init__(self, old_root: Node, new_root: Node) -> None:
        self.old_root = old_root
        self.new_root = new_root
        self.ops: list[Op] = []
        self.old_by_block: dict[int, Node] = {}
        self.old_parent: dict[int, int] = {}
        # The page's child lists as the ops so far leave them, by node id.
        self.page_children: dict[int, list[int]] = {}
        for node in old_root.walk():
            self.old_by_block[node.block_id] = node
            self.page_children[node.node_id] = [child.node_id for child in node.children]
            for child in node.children:
                self.old_parent[child.node_id] = node.node_id
        self.old_count = len(self.page_children)
        self.new_blocks = {node.block_id for node in new_root.walk()}
        self.claimed: set[int] = set()
        # Old nodes to remove that still contain a block of the new tree: they stay
        # until that block has been moved out, and are removed last.
        self.doomed: set[int] = set()
        self.doomed_in: dict[int, int] = defaultdict(int)
        self.removed: set[int] = set()

    def run(self) -> list[Op]:
        self.claimed.add(self.old_root.node_id)
        self.new_root.node_id = self.old_root.node_id
        self._update_props(self.old_root, self.new_root)
        self._diff_children(self.old_root, self.new_root)
        self._remove_leftovers()
        return self.ops

    def _diff_children(self, old: Node | None, new: Node) -> None:
        if not new.children and (old is None or not old.children):
            return
        matches = self._match(old, new)
        if old is not None:
            for child in old.children:
                if child.node_id not in self.claimed and child.block_id not in self.new_blocks:
                    self._remove_or_doom(child, old.node_id)
        parent_id = new.node_id
        for index, child in enumerate(new.children):
            match = matches.get(id(child))
            position = self._page_position(parent_id, index)
            if match is None:
                self._create_shell(child, parent_id, position)
                self._diff_children(None, child)
                continue
            child.node_id = match.node_id
            if not self._is_at(match.node_id, parent_id, position):
                self._move(match.node_id, parent_id, position)
            self._update_props(match, child)
            self._diff_children(match, child)

    def _match(self, old: Node | None, new: Node) -> dict[int, Node]:
        """Pair new children with old nodes; keys of the result are ``id(new child)``."""
        matches: dict[int, Node] = {}
        rest = []
        for child in new.children:
            found = self.old_by_block.get(child.block_id)
            if found is not None and found.node_id not in self.claimed:
                self.claimed.add(found.node_id)
                matches[id(child)] = found
            else:
                rest.append(child)
        if old is None or not rest:
            return matches
        spare = [c for c in old.children
                 if c.node_id not in self.claimed and c.block_id not in self.new_blocks]
        by_signature: dict[int, deque[Node]] = defaultdict(deque)
        for candidate in spare:
            by_signature[candidate.signature()].append(candidate)
        unmatched = []
        for child in rest:
            queue = by_signature.get(child.signature())
            if queue:
                found = queue.popleft()
                self.claimed.add(found.node_id)
                matches[id(child)] = found
            else:
                unmatched.append(child)
        by_kind: dict[str, deque[Node]] = defaultdict(deque)
        for candidate in spare:
            if candidate.node_id not in self.claimed:
                by_kind[candidate.kind].append(candidate)
        for child in unmatched:
            queue = by_kind.get(child.kind)
            if queue:
                found = queue.popleft()
                self.claimed.add(found.node_id)
                matches[id(child)] = found
        return matches

    def _update_props(self, old: Node, new: Node) -> None:
        if old.props == new.props:  # the common case, compared in C
            return
        changed = {name: value for name, value in new.props.items()
                   if name not in old.props or old.props[name] != value}
        for name in old.props:
            if name not in new.props:
                changed[name] = None
        if changed:
            self.ops.append({"op": "update", "id": new.node_id, "props": changed})

    def _page_position(self, parent_id: int, index: int) -> int:
        """Return the page index of new child ``index``, counting doomed nodes."""
        if not self.doomed_in[parent_id]:
            return index
        siblings = self.page_children[parent_id]
        live = -1
        for position, node_id in enumerate(siblings):
            if node_id not in self.doomed:
                live += 1
                if live == index:
                    return position
        return len(siblings)

    def _is_at(self, node_id: int, parent_id: int, position: int) -> bool:
        # Children before ``position`` already match the new order, so a node in
        # place sits exactly there; anything else needs a move.
        siblings = self.page_children[parent_id]
        return position < len(siblings) and siblings[position] == node_id

    def _remove_or_doom(self, node: Node, parent_id: int) -> None:
        if any(below.block_id in self.new_blocks for below in node.walk()):
            self.doomed.add(node.node_id)
            self.doomed_in[parent_id] += 1
            self.claimed.add(node.node_id)
        else:
            self._remove(node)

    def _move(self, node_id: int, parent_id: int, index: int) -> None:
        self._detach(node_id)
        self.page_children[parent_id].insert(index, node_id)
        self.old_parent[node_id] = parent_id
        self.ops.append({"op": "move", "id": node_id, "parent": parent_id, "index": index})

    def _create_shell(self, node: Node, parent_id: int, index: int) -> None:
        """Create ``node`` without children; the caller diffs its children next."""
        node.node_id = node.block_id
        self.ops.append({"op": "create", "id": node.node_id, "kind": node.kind,
                         "parent": parent_id, "index": index, "props": dict(node.props)})
        self.page_children.setdefault(parent_id, []).insert(index, node.node_id)
        self.page_children[node.node_id] = []
        self.old_parent[node.node_id] = parent_id

    def _remove(self, node: Node) -> None:
        self._detach(node.node_id)
        self.ops.append({"op": "remove", "id": node.node_id})
        for below in node.walk():
            self.claimed.add(below.node_id)
            self.removed.add(below.node_id)

    def _detach(self, node_id: int) -> None:
        parent_id = self.old_parent.pop(node_id, None)
        if parent_id is not None:
            self.page_children[parent_id].remove(node_id)

    def _remove_leftovers(self) -> None:
        """Remove doomed nodes, then any old node that was never reached."""
        if not self.doomed and len(self.claimed) >= self.old_count:
            return  # every old node was matched or removed already
        for node in self.old_root.walk():
            if node.node_id in self.doomed and node.node_id not in self.removed:
                self._remove(node)
        for node in self.old_root.walk():
            if node.node_id not in self.claimed and node.node_id in self.old_parent:
                self._remove(node)


def _create(node: Node, parent_id: int | None, index: int, ops: list[Op]) -> None:
    node.node_id = node.block_id
    ops.append({"op": "create", "id": node.node_id, "kind": node.kind,
                "parent": parent_id, "index": index, "props": dict(node.props)})
    for position, child in enumerate(node.children):
        _create(child, node.node_id, position, ops)
