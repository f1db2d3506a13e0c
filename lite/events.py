"""Listeners: what runs when a trigger fires.

``btn.click(fn, inputs, outputs)`` makes a :class:`Listener`. A trigger is a
``(target, event name)`` pair; the target is a block (``click``, ``change``) or another
listener (``then``, ``success``). Listeners made while a render function runs belong
to that run and are dropped with it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Callable, Iterable, Literal, Sequence

from . import context
from .errors import ContextError

if TYPE_CHECKING:
    from .blocks import Block
    from .render import RenderArea, RenderRun

TriggerMode = Literal["once", "multiple", "always_last"]
TRIGGER_MODES: tuple[str, ...] = ("once", "multiple", "always_last")

# Events the engine fires itself, from edits, listener outputs and start-up. The page
# fires the rest (click, submit, ...) and only for triggers that have a listener.
ENGINE_EVENTS = frozenset({"change", "input", "load", "upload", "clear", "then", "success"})

_next_listener_id = itertools.count(1)


class Listener:
    """One registered handler: the function, its triggers, inputs and outputs.

    Returned by every event method, so ``.then()`` and ``.success()`` can chain.
    """

    def __init__(
        self,
        fn: Callable[..., Any] | None,
        triggers: list[tuple[Block | Listener, str]],
        inputs: Any,
        outputs: Any,
        *,
        trigger_mode: TriggerMode | None = None,
        key: Any = None,
        show_error: bool = True,
        render_area: RenderArea | None = None,
    ) -> None:
        self.id = next(_next_listener_id)
        self.fn = fn
        self.triggers = triggers
        self.inputs, self.inputs_as_dict = _normalize_inputs(inputs)
        self.outputs = _normalize_outputs(outputs)
        self.trigger_mode: TriggerMode = trigger_mode or _default_mode(triggers)
        if self.trigger_mode not in TRIGGER_MODES:
            raise ValueError(
                f"trigger_mode must be one of {', '.join(TRIGGER_MODES)}, "
                f"not {trigger_mode!r}"
            )
        self.key = key
        self.show_error = show_error
        self.render_area = render_area
        self.run: RenderRun | None = None

    def then(self, fn: Callable[..., Any] | None = None, inputs: Any = None,
             outputs: Any = None, **kwargs: Any) -> Listener:
        """Run ``fn`` after this listener finishes, whether or not it raised."""
        return register(Listener(fn, [(self, "then")], inputs, outputs, **kwargs))

    def success(self, fn: Callable[..., Any] | None = None, inputs: Any = None,
                outputs: Any = None, **kwargs: Any) -> Listener:
        """Run ``fn`` after this listener finishes without raising."""
        return register(Listener(fn, [(self, "success")], inputs, outputs, **kwargs))

    def __repr__(self) -> str:
        name = getattr(self.fn, "__name__", "render" if self.render_area else None)
        return f"Listener(id={self.id}, fn={name})"


def register(listener: Listener) -> Listener:
    """Attach ``listener`` to the open render run or, outside one, to the open app."""
    build = context.current
    if build.render_run is not None:
        listener.run = build.render_run
        build.render_run.listeners.append(listener)
    elif build.blocks is not None:
        build.blocks.listeners.append(listener)
    else:
        raise ContextError(
            "An event listener was declared outside any Blocks. Declare listeners "
            "inside `with gr.Blocks() as demo:` or inside a @gr.render function."
        )
    return listener


class Trigger:
    """A block's event, such as ``button.click``.

    Call it to add a listener; pass it uncalled in ``triggers=`` to name the event.
    """

    def __init__(self, block: Block, name: str) -> None:
        self.block = block
        self.name = name

    def __call__(
        self,
        fn: Callable[..., Any] | None = None,
        inputs: Any = None,
        outputs: Any = None,
        *,
        trigger_mode: TriggerMode | None = None,
        key: Any = None,
        show_error: bool = True,
        **ignored: Any,
    ) -> Any:
        if fn is None and (inputs is not None or outputs is not None or ignored):
            # The decorator form: @btn.click(inputs=..., outputs=...)
            def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
                self(func, inputs, outputs, trigger_mode=trigger_mode, key=key,
                     show_error=show_error)
                return func

            return decorator
        listener = Listener(fn, [(self.block, self.name)], inputs, outputs,
                            trigger_mode=trigger_mode, key=key, show_error=show_error)
        return register(listener)

    def __repr__(self) -> str:
        return f"{self.block!r}.{self.name}"


class EventMethod:
    """The descriptor behind ``Button.click``: returns a :class:`Trigger`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, block: Block | None, owner: type) -> Any:
        if block is None:
            return self
        return Trigger(block, self.name)


def on(
    triggers: Sequence[Trigger] | Trigger,
    fn: Callable[..., Any] | None = None,
    inputs: Any = None,
    outputs: Any = None,
    *,
    trigger_mode: TriggerMode | None = None,
    key: Any = None,
    show_error: bool = True,
    **ignored: Any,
) -> Listener:
    """Add one listener for several triggers, like ``gr.on``."""
    if isinstance(triggers, Trigger):
        triggers = [triggers]
    pairs: list[tuple[Block | Listener, str]] = [(t.block, t.name) for t in triggers]
    return register(Listener(fn, pairs, inputs, outputs, trigger_mode=trigger_mode,
                             key=key, show_error=show_error))


def _default_mode(triggers: Iterable[tuple[Any, str]]) -> TriggerMode:
    names = {name for _, name in triggers}
    return "always_last" if names and names <= {"change", "input"} else "once"


def _normalize_inputs(inputs: Any) -> tuple[list[Block], bool]:
    """Return the input blocks and whether the function takes them as one dict."""
    from .blocks import Block

    if inputs is None:
        return [], False
    if isinstance(inputs, Block):
        return [inputs], False
    if isinstance(inputs, (set, frozenset)):
        return sorted(inputs, key=lambda block: block.id), True
    return list(inputs), False


def _normalize_outputs(outputs: Any) -> list[Block]:
    from .blocks import Block

    if outputs is None:
        return []
    if isinstance(outputs, Block):
        return [outputs]
    return list(outputs)
