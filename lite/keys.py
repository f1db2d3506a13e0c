"""Key identity across runs of a render function."""

from __future__ import annotations

from typing import Any

from .blocks import Block
from .errors import DuplicateKeyError
from .render import RenderRun

KeyPath = tuple[tuple[str, Any], ...]


def key_path(block: Block) -> KeyPath | None:
    """Return what identifies ``block`` across runs, or ``None`` for an unkeyed block.

    The path is the block's key after the keys of its keyed parents, so a keyed box
    under ``gr.Row(key="row-1")`` matches only a box with that key under a row with
    that key. Unkeyed parents are skipped: the mixer's keyed tracks keep their audio
    although their columns have no key, as in Gradio.
    """
    if block.key is None:
        return None
    path: list[tuple[str, Any]] = []
    node: Any = block
    while isinstance(node, Block):
        if node.key is not None:
            path.append((type(node).__name__, _hashable(node.key)))
        node = node.parent
    return tuple(reversed(path))


def match_keys(new_run: RenderRun, old_run: RenderRun | None) -> set[int]:
    """Give each keyed block of ``new_run`` the id of its match in ``old_run``.

    Changes the ids in place and returns the ids that were carried over.

    Raises:
        DuplicateKeyError: Two blocks of ``new_run`` have the same key path.
    """
    old_paths: dict[KeyPath, Block] = {}
    if old_run is not None:
        for block in old_run.blocks:
            path = key_path(block)
            if path is not None:
                old_paths[path] = block
    seen: dict[KeyPath, Block] = {}
    matched: set[int] = set()
    for block in new_run.blocks:
        path = key_path(block)
        if path is None:
            continue
        if path in seen:
            raise DuplicateKeyError(
                f"{seen[path]!r} and {block!r} have the same key {block.key!r} in one "
                "run of a render function. Give each block of a run its own key."
            )
        seen[path] = block
        old = old_paths.get(path)
        if old is not None:
            block.id = old.id
            matched.add(block.id)
    return matched


def _hashable(key: Any) -> Any:
    try:
        hash(key)
    except TypeError:
        return repr(key)
    return key
