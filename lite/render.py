"""``@gr.render``: a function whose output replaces itself each time it runs."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from . import context
from .blocks import Block
from .errors import ContextError
from .events import Listener, Trigger, TriggerMode, register


class RenderArea(Block):
    """The place in the layout where a render function's output goes."""

    kind = "render"


class RenderRun:
    """The blocks and listeners one run of a render function made, for one session."""

    def __init__(self, area: RenderArea) -> None:
        self.area = area
        self.children: list[Block] = []
        self.blocks: list[Block] = []
        self.listeners: list[Listener] = []

    def __repr__(self) -> str:
        return f"RenderRun(area={self.area.id}, blocks={len(self.blocks)})"


def render(
    inputs: Any = None,
    triggers: Sequence[Trigger] | Trigger | None = None,
    *,
    queue: bool = True,
    trigger_mode: TriggerMode = "always_last",
    concurrency_limit: int | None = None,
    concurrency_id: str | None = None,
    show_progress: str = "full",
) -> Any:
    """Mark a function whose blocks and listeners are rebuilt each time it runs.

    The output appears where the function is defined. Without ``triggers``, the
    function runs when the page loads and after every change of an input. Each run
    replaces the blocks and listeners of the previous one; keyed blocks keep their
    id and their ``preserved_by_key`` props.

    Args:
        inputs: Components whose values are passed to the function.
        triggers: Events that run the function, replacing the defaults. Add
            ``demo.load`` to also run it at start-up.
        trigger_mode: How runs that pile up are handled; the default
            ``"always_last"`` merges them into one run with the newest values.

    Example:
        >>> import lite as gr
        >>> with gr.Blocks() as demo:
        ...     text = gr.Textbox()
        ...     @gr.render(inputs=text)
        ...     def letters(value):
        ...         for letter in value:
        ...             gr.Textbox(letter)
    """
    if callable(inputs) and not isinstance(inputs, Block):
        return render()(inputs)
    build = context.current
    if build.blocks is None:
        raise ContextError(
            "@gr.render was used outside any Blocks. Define render functions inside "
            "`with gr.Blocks() as demo:`."
        )
    area = RenderArea()
    root = build.blocks

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        listener = Listener(fn, [], inputs, None, trigger_mode=trigger_mode,
                            render_area=area)
        listener.triggers = _trigger_pairs(triggers, root, listener.inputs)
        register(listener)
        return fn

    return decorator


def _trigger_pairs(triggers: Sequence[Trigger] | Trigger | None, root: Block,
                   inputs: list[Block]) -> list[tuple[Block | Listener, str]]:
    if triggers is None:
        pairs: list[tuple[Block | Listener, str]] = [(root, "load")]
        return pairs + [(block, "change") for block in inputs]
    if isinstance(triggers, Trigger):
        triggers = [triggers]
    return [(trigger.block, trigger.name) for trigger in triggers]
