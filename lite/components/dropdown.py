"""Dropdown: one choice, or several with ``multiselect=True``."""

from __future__ import annotations

from typing import Any, Literal, Sequence

from .base import Component
from .radio import normalize_choices


class _FirstChoice:
    def __repr__(self) -> str:
        return "the first choice"


# The default value: the first choice for a single dropdown, none for multiselect.
# ``value=None`` selects nothing, so the default needs a marker of its own.
FIRST_CHOICE: Any = _FirstChoice()


class Dropdown(Component):
    """A list of choices to pick one or several from.

    Args:
        choices: Values, or ``(label, value)`` pairs.
        value: The selected value, or a list of them with ``multiselect``.
            Defaults to the first choice, or to none with ``multiselect``;
            ``None`` selects nothing.
        type: ``"value"`` passes the chosen values, ``"index"`` their positions
            (``None`` for a custom value).
        multiselect: Whether the user picks a list of choices.
        allow_custom_value: Whether the user may type a value that is not a
            choice. Custom values are strings.
        max_choices: The maximum number of choices a multiselect dropdown takes.
        filterable: Accepted for compatibility; the page filters the choices only
            when custom values are allowed.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "dropdown"
    PROPS = Component.PROPS + (
        "choices", "multiselect", "allow_custom_value", "max_choices", "label",
        "info", "show_label", "container", "scale", "min_width", "interactive",
    )
    EVENTS = ("change", "input", "focus", "blur")
    default_label = "Dropdown"
    SESSION_PROPS = ("choices", "multiselect", "allow_custom_value", "max_choices")

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = FIRST_CHOICE,
        type: Literal["value", "index"] = "value",
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        filterable: bool = True,
        **kwargs: Any,
    ) -> None:
        if type not in ("value", "index"):
            raise ValueError(f'Dropdown type must be "value" or "index", not {type!r}')
        if max_choices is not None and max_choices < 1:
            raise ValueError(f"Dropdown max_choices must be 1 or more, not {max_choices}")
        self.choices = normalize_choices(choices)
        self.type = type
        self.multiselect = bool(multiselect)
        self.allow_custom_value = allow_custom_value
        self.max_choices = max_choices
        if value is FIRST_CHOICE:
            value = [] if self.multiselect else self._first_value()
        super().__init__(value, **kwargs)

    def _first_value(self) -> Any:
        return self.choices[0][1] if self.choices else None

    def _values(self) -> list[Any]:
        return [choice[1] for choice in self.choices]

    def preprocess(self, value: Any) -> Any:
        if self.multiselect:
            selected = [] if value is None else list(value)
            return [self._index(item) for item in selected] if self.type == "index" \
                else selected
        return self._index(value) if self.type == "index" else value

    def _index(self, value: Any) -> int | None:
        values = self._values()
        return values.index(value) if value in values else None

    def postprocess(self, value: Any) -> Any:
        if value is FIRST_CHOICE:
            return [] if self.multiselect else self._first_value()
        if not self.multiselect:
            return value
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]

    def read_edit(self, value: Any) -> Any:
        if not self.multiselect:
            if value is not None:
                self._check_choice(value)
            return value
        if not isinstance(value, list):
            raise ValueError(
                f"a multiselect Dropdown value must be a list, not {type(value).__name__}"
            )
        for item in value:
            self._check_choice(item)
        if len(set(map(repr, value))) != len(value):
            raise ValueError(f"the Dropdown value {value!r} lists a choice twice")
        if self.max_choices is not None and len(value) > self.max_choices:
            raise ValueError(
                f"the Dropdown value {value!r} has {len(value)} choices, more than "
                f"max_choices={self.max_choices}"
            )
        return value

    def _check_choice(self, value: Any) -> None:
        if value in self._values():
            return
        if not self.allow_custom_value:
            raise ValueError(
                f"{value!r} is not one of the Dropdown's choices; pass "
                "allow_custom_value=True to accept other values"
            )
        if not isinstance(value, str):
            raise ValueError(f"a custom Dropdown value must be a string, not {value!r}")
