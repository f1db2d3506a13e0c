"""Slider: a number picked between a minimum and a maximum."""

from __future__ import annotations

import math
from typing import Any

from .base import Component


class Slider(Component):
    """A range slider with a number box.

    Args:
        minimum: The lowest value.
        maximum: The highest value.
        value: The starting value; defaults to ``minimum``.
        step: The distance between values. With a whole-number step and minimum,
            listeners receive ``int``, so ``range(slider_value)`` works.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "slider"
    PROPS = Component.PROPS + (
        "minimum", "maximum", "step", "label", "info", "show_label", "container",
        "scale", "min_width", "interactive", "show_reset_button",
    )
    EVENTS = ("change", "input", "release")
    default_label = "Slider"

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: float | Any = None,
        *,
        step: float = 1,
        show_reset_button: bool = True,
        randomize: bool = False,
        **kwargs: Any,
    ) -> None:
        if maximum < minimum:
            raise ValueError(f"Slider maximum {maximum} is below its minimum {minimum}")
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.show_reset_button = show_reset_button
        super().__init__(minimum if value is None else value, **kwargs)

    def whole_steps(self) -> bool:
        return float(self.step).is_integer() and float(self.minimum).is_integer()

    def preprocess(self, value: Any) -> float | int | None:
        if value is None:
            return value
        if self.whole_steps() and float(value).is_integer():
            return int(value)
        return float(value)

    def read_edit(self, value: Any) -> float | int:
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value):
            raise ValueError(f"a Slider value must be a finite number, not {value!r}")
        if not self.minimum <= value <= self.maximum:
            raise ValueError(
                f"{value} is outside the Slider's range {self.minimum}..{self.maximum}"
            )
        return value

