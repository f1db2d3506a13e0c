"""The keyed diff: exact ops for the usual list changes, and a property test that
applying the ops always turns the old page into the new tree."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from lite.diff import diff
from lite.page import PageModel
from lite.tree import Node


def leaf(block_id: int, text: str = "", kind: str = "textbox") -> Node:
    return Node(block_id, kind, {"value": text or f"v{block_id}"}, [])


def root(*children: Node) -> Node:
    return Node(1, "blocks", {}, list(children))


def page_after(old: Node, new: Node) -> tuple[PageModel, list[dict]]:
    page = PageModel()
    page.apply(diff(None, old))
    ops = diff(old, new)
    page.apply(ops)
    return page, ops


def outline(node: Node) -> tuple:
    return (node.node_id, node.kind, node.props, [outline(c) for c in node.children])


def page_outline(node) -> tuple:
    return (node.node_id, node.kind, node.props, [page_outline(c) for c in node.children])


def ops_without_props(ops: list[dict]) -> list[tuple]:
    return [(op["op"], op["id"], op.get("index")) for op in ops]


def test_diff_first_tree_creates_everything():
    ops = diff(None, root(leaf(2), leaf(3)))
    assert ops_without_props(ops) == [("create", 1, 0), ("create", 2, 0), ("create", 3, 1)]


def test_diff_equal_trees_no_ops():
    _, ops = page_after(root(leaf(2), leaf(3)), root(leaf(2), leaf(3)))
    assert ops == []


def test_diff_append_creates_one():
    _, ops = page_after(root(leaf(2), leaf(3)), root(leaf(2), leaf(3), leaf(4)))
    assert ops_without_props(ops) == [("create", 4, 2)]


def test_diff_prepend_creates_one():
    _, ops = page_after(root(leaf(2), leaf(3)), root(leaf(4), leaf(2), leaf(3)))
    assert ops_without_props(ops) == [("create", 4, 0)]


def test_diff_remove_middle():
    _, ops = page_after(root(leaf(2), leaf(3), leaf(4)), root(leaf(2), leaf(4)))
    assert ops_without_props(ops) == [("remove", 3, None)]


def test_diff_swap_moves_one():
    _, ops = page_after(root(leaf(2), leaf(3)), root(leaf(3), leaf(2)))
    assert ops_without_props(ops) == [("move", 3, 0)]


def test_diff_reverse_keeps_nodes():
    page, ops = page_after(root(leaf(2), leaf(3), leaf(4)), root(leaf(4), leaf(3), leaf(2)))
    assert {op["op"] for op in ops} == {"move"}
    assert [c.node_id for c in page.root.children] == [4, 3, 2]


def test_diff_changed_prop_is_one_update():
    _, ops = page_after(root(leaf(2, "a")), root(leaf(2, "b")))
    assert ops == [{"op": "update", "id": 2, "props": {"value": "b"}}]


def test_diff_reuses_equal_unkeyed_node():
    """A rebuilt block that looks like an old one takes over its element."""
    old = root(leaf(2, "a"), leaf(3, "b"), leaf(4, "c"))
    new = root(leaf(12, "a"), leaf(14, "c"))
    page, ops = page_after(old, new)
    assert ops_without_props(ops) == [("remove", 3, None)]
    assert [child.node_id for child in new.children] == [2, 4]


def test_diff_moves_block_across_parents():
    old = root(Node(5, "row", {}, [leaf(2)]), Node(6, "row", {}, []))
    new = root(Node(5, "row", {}, []), Node(6, "row", {}, [leaf(2)]))
    page, ops = page_after(old, new)
    assert ops_without_props(ops) == [("move", 2, 0)]
    assert ops[0]["parent"] == 6


def test_diff_keyed_child_survives_rebuilt_parent():
    old = root(Node(5, "column", {"v": 1}, [leaf(2)]))
    new = root(Node(7, "row", {}, [leaf(2)]))
    page, ops = page_after(old, new)
    assert page.nodes[2].parent.node_id == 7
    assert ("remove", 5, None) in ops_without_props(ops)


# Property test ------------------------------------------------------------------

KINDS = ["textbox", "button", "row"]


@st.composite
def trees(draw, ids):
    """Draw a tree whose blocks come from ``ids`` (each id used at most once)."""

    def draw_children(depth: int) -> list[Node]:
        children = []
        for _ in range(draw(st.integers(0, 4 if depth < 3 else 0))):
            block_id = draw(ids)
            if block_id in used:
                block_id = next(fresh)
            used.add(block_id)
            kind = KINDS[block_id % len(KINDS)]  # a block never changes kind
            props = {"value": draw(st.sampled_from(["a", "b", "c"]))}
            grand = draw_children(depth + 1) if kind == "row" else []
            children.append(Node(block_id, kind, props, grand))
        return children

    used: set[int] = set()
    fresh = itertools.count(1000 + draw(st.integers(0, 10_000)) * 100)
    return Node(1, "blocks", {}, draw_children(0))


@settings(max_examples=1000, deadline=None)
@given(st.data())
def test_diff_applied_ops_reach_new_tree(data):
    ids = st.integers(2, 20)
    old = data.draw(trees(ids))
    new = data.draw(trees(ids))
    page = PageModel()
    page.apply(diff(None, old))
    page.apply(diff(old, new))
    assert page_outline(page.root) == outline(new)
