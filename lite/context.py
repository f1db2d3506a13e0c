"""The open containers that a block being constructed attaches to.

Blocks register themselves with whatever is open when they are built: the ``Blocks``
being defined, the innermost layout (``with gr.Row():``) and, while a render function
runs, that run. This module keeps that state. Pyodide runs one thread, and CPython
tests build apps on one thread, so a module-level stack is enough.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from .blocks import Block, Blocks
    from .render import RenderRun


@dataclass
class BuildContext:
    """The open containers, innermost last."""

    blocks: Blocks | None = None
    parents: list[Block] = field(default_factory=list)
    render_run: RenderRun | None = None

    @property
    def parent(self) -> Block | None:
        return self.parents[-1] if self.parents else None


current = BuildContext()


@contextmanager
def rendering(run: RenderRun, app: Blocks) -> Iterator[None]:
    """Open ``run`` so that blocks and listeners made now belong to it."""
    global current
    saved = current
    current = BuildContext(blocks=app, parents=[run], render_run=run)  # type: ignore[list-item]
    try:
        yield
    finally:
        current = saved
