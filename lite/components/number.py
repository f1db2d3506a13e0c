"""Number: a numeric field, optionally rounded and bounded."""

from __future__ import annotations

import math
from typing import Any

from .base import Component


def round_to_precision(value: float, precision: int | None) -> float | int:
    """Round ``value`` to ``precision`` decimals: 0 returns an ``int``, None a ``float``."""
    if precision is None:
        return float(value)
    if precision == 0:
        return int(round(value))
    return round(float(value), precision)


class Number(Component):
    """A number field. Enter fires ``submit``.

    Args:
        value: The starting number, or ``None`` for an empty field.
        precision: The number of decimals listeners receive. 0 passes an ``int``,
            and ``None`` an unrounded ``float``.
        minimum: The lowest number the user may enter.
        maximum: The highest number the user may enter.
        step: The amount the field's arrows and arrow keys add or subtract.
        placeholder: Text shown while the field is empty.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "number"
    PROPS = Component.PROPS + (
        "label", "info", "show_label", "container", "scale", "min_width",
        "interactive", "placeholder", "precision", "minimum", "maximum", "step",
    )
    EVENTS = ("change", "input", "submit", "focus", "blur")
    default_label = "Number"
    SESSION_PROPS = ("precision", "minimum", "maximum")

    def __init__(
        self,
        value: float | Any = None,
        *,
        precision: int | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
        placeholder: str | None = None,
        **kwargs: Any,
    ) -> None:
        if precision is not None and (not isinstance(precision, int) or precision < 0):
            raise ValueError(
                f"Number precision must be None or an integer of 0 or more, "
                f"not {precision!r}"
            )
        if minimum is not None and maximum is not None and maximum < minimum:
            raise ValueError(f"Number maximum {maximum} is below its minimum {minimum}")
        self.precision = precision
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.placeholder = placeholder
        super().__init__(value, **kwargs)

    def preprocess(self, value: Any) -> float | int | None:
        return None if value is None else round_to_precision(value, self.precision)

    def postprocess(self, value: Any) -> float | int | None:
        if value is None:
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"a Number value must be a number, not {value!r}") from None
        if not math.isfinite(number):
            raise ValueError(f"a Number value must be finite, not {value!r}")
        return round_to_precision(number, self.precision)

    def read_edit(self, value: Any) -> float | int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value):
            raise ValueError(f"a Number value must be a finite number, not {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{value} is below the Number's minimum {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{value} is above the Number's maximum {self.maximum}")
        return value
