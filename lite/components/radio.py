"""Radio: one choice out of several."""

from __future__ import annotations

from typing import Any, Sequence

from .base import Component


def normalize_choices(choices: Sequence[Any] | None) -> list[list[Any]]:
    """Turn ``["a", ("Label", "b")]`` into ``[["a", "a"], ["Label", "b"]]``."""
    pairs: list[list[Any]] = []
    for choice in choices or []:
        if isinstance(choice, (tuple, list)):
            if len(choice) != 2:
                raise ValueError(
                    f"a choice must be a value or a (label, value) pair, not {choice!r}"
                )
            pairs.append([str(choice[0]), choice[1]])
        else:
            pairs.append([str(choice), choice])
    return pairs


class Radio(Component):
    """A set of radio buttons.

    Args:
        choices: Values, or ``(label, value)`` pairs.
        value: The selected value, or ``None`` for no selection.
        type: ``"value"`` passes the chosen value, ``"index"`` its position.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "radio"
    PROPS = Component.PROPS + (
        "choices", "label", "info", "show_label", "container", "scale",
        "min_width", "interactive", "rtl",
    )
    EVENTS = ("change", "input")
    # A listener may replace the choices; edits are checked against the new ones.
    SESSION_PROPS = ("choices",)
    default_label = "Radio"

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: str = "value",
        rtl: bool = False,
        **kwargs: Any,
    ) -> None:
        if type not in ("value", "index"):
            raise ValueError(f'Radio type must be "value" or "index", not {type!r}')
        self.choices = normalize_choices(choices)
        self.type = type
        self.rtl = rtl
        super().__init__(value, **kwargs)

    def preprocess(self, value: Any) -> Any:
        if self.type == "index":
            values = [choice[1] for choice in self.choices]
            return values.index(value) if value in values else None
        return value

    def read_edit(self, value: Any) -> Any:
        if value is not None and value not in [choice[1] for choice in self.choices]:
            raise ValueError(f"{value!r} is not one of the Radio's choices")
        return value
