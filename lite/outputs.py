"""Calling a listener's function and reading what it returned."""

from __future__ import annotations

import inspect
import os
import traceback
from typing import Any, Callable, Iterator

from .blocks import Block
from .components.base import Component
from .components.radio import normalize_choices


class _Skip:
    def __repr__(self) -> str:
        return "gr.skip()"


SKIP: Any = _Skip()


def skip() -> Any:
    """Return a value that leaves an output as it is."""
    return SKIP


def update(**props: Any) -> dict[str, Any]:
    """Return an update that sets only the props given, like ``gr.update``."""
    return {"__type__": "update", **props}


def is_update(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__type__") == "update"


def call(fn: Callable[..., Any], args: list[Any]) -> Iterator[Any]:
    """Call ``fn`` and yield its result, or each value a generator function yields."""
    result = fn(*args)
    if inspect.iscoroutine(result):
        result = _finish_coroutine(result)
    if inspect.isgenerator(result):
        yield from result
    else:
        yield result


def _finish_coroutine(coroutine: Any) -> Any:
    # NOTE: the worker runs listeners synchronously, so a coroutine is driven here
    # by hand. One that awaits real I/O (a fetch, asyncio.sleep) cannot finish.
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    coroutine.close()
    raise RuntimeError(
        "async listeners that wait on I/O are not supported yet; make the listener "
        "a plain function"
    )


def pair_outputs(outputs: list[Block], result: Any) -> list[tuple[Block, Any]]:
    """Match a function's return value to its output blocks.

    Raises:
        ValueError: The number of returned values does not match the outputs.
    """
    if not outputs:
        return []
    if isinstance(result, dict) and result and all(isinstance(k, Block) for k in result):
        return [(block, value) for block, value in result.items() if block in outputs]
    if len(outputs) == 1:
        return [(outputs[0], result)]
    if not isinstance(result, (tuple, list)):
        raise ValueError(
            f"the function returned one {type(result).__name__} but the listener has "
            f"{len(outputs)} outputs; return a tuple with one value for each output"
        )
    if len(result) != len(outputs):
        raise ValueError(
            f"the function returned {len(result)} values but the listener has "
            f"{len(outputs)} outputs"
        )
    return list(zip(outputs, result))


def props_update(block: Block, value: Any) -> dict[str, Any] | None:
    """Turn one returned value into the props it changes, or ``None`` to skip."""
    if value is SKIP:
        return None
    if isinstance(value, Block) and value.parent is None and value is not block:
        changes = value.explicit_props()
        if "value" in changes and isinstance(block, Component):
            changes["value"] = block.postprocess(getattr(value, "value", None))
    elif is_update(value):
        changes = {name: v for name, v in value.items() if name != "__type__"}
        if "value" in changes and isinstance(block, Component):
            changes["value"] = block.postprocess(changes["value"])
    elif isinstance(block, Component):
        changes = {"value": block.postprocess(value)}
    else:
        raise ValueError(f"{block!r} has no value; return gr.update(...) to change it")
    if "choices" in changes:
        changes["choices"] = normalize_choices(changes["choices"])
    return {name: v for name, v in changes.items() if name in block.PROPS}


_ENGINE_DIR = os.path.dirname(os.path.abspath(__file__))


def user_traceback(error: BaseException) -> str:
    """Format ``error``'s traceback without the engine's own frames."""
    summary = traceback.extract_tb(error.__traceback__)
    frames = [f for f in summary if not os.path.abspath(f.filename).startswith(_ENGINE_DIR)]
    lines = ["Traceback (most recent call last):\n"]
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines)
