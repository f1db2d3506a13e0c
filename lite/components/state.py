"""State: a per-session Python value with no element on the page."""

from __future__ import annotations

import copy
from typing import Any

from .base import Component


class State(Component):
    """A value kept per session and never shown.

    Each session starts with a deep copy of ``value``, so sessions never share a
    list or dict. A listener that changes the value in place and returns it as an
    output fires ``change``, because the engine compares against a copy taken at
    the previous change.

    Args:
        value: The starting value; deep-copied for every session.
    """

    kind = "state"
    PROPS = ("value",)
    editable = False

    def __init__(self, value: Any = None, render: bool = True, *,
                 time_to_live: float | None = None, delete_callback: Any = None,
                 key: Any = None, preserved_by_key: Any = "value") -> None:
        super().__init__(value, render=render, key=key, preserved_by_key=preserved_by_key)

    def initial_props(self) -> dict[str, Any]:
        props = super().initial_props()
        props["value"] = copy.deepcopy(props["value"])
        return props
