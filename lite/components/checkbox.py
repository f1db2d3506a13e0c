"""Checkbox: a yes-or-no value."""

from __future__ import annotations

from typing import Any

from .base import Component


class Checkbox(Component):
    """A checkbox whose label is shown beside the box.

    Args:
        value: Whether the box starts checked.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "checkbox"
    PROPS = Component.PROPS + (
        "label", "info", "show_label", "container", "scale", "min_width",
        "interactive",
    )
    EVENTS = ("change", "input")
    default_label = "Checkbox"

    def __init__(self, value: bool | Any = False, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)

    def preprocess(self, value: Any) -> bool:
        return bool(value)

    def postprocess(self, value: Any) -> bool:
        return bool(value)

    def read_edit(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError(f"a Checkbox value must be true or false, not {value!r}")
        return value
