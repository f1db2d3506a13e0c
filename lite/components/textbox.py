"""Textbox: a single-line or multi-line text field."""

from __future__ import annotations

from typing import Any, Literal

from .base import Component


class Textbox(Component):
    """A text field. ``max_lines=1`` makes a single-line ``<input>``.

    Args:
        value: The starting text.
        placeholder: Text shown while the field is empty.
        lines: The number of rows shown.
        max_lines: The maximum number of rows the field grows to. 1 makes a
            single-line field, where Enter fires ``submit`` instead of adding a line.
        type: ``"text"``, ``"password"`` or ``"email"``.
        autofocus: Whether the field takes the focus when the page opens.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "textbox"
    PROPS = Component.PROPS + (
        "label", "info", "show_label", "container", "scale", "min_width",
        "interactive", "placeholder", "lines", "max_lines", "type", "autofocus",
        "autoscroll", "rtl", "text_align", "max_length", "submit_btn", "stop_btn",
        "show_copy_button",
    )
    EVENTS = ("change", "input", "submit", "focus", "blur")
    default_label = "Textbox"

    def __init__(
        self,
        value: str | Any = "",
        *,
        placeholder: str | None = None,
        lines: int = 1,
        max_lines: int | None = None,
        type: Literal["text", "password", "email"] = "text",
        autofocus: bool = False,
        autoscroll: bool = True,
        rtl: bool = False,
        text_align: Literal["left", "right"] | None = None,
        max_length: int | None = None,
        submit_btn: str | bool | None = False,
        stop_btn: str | bool | None = False,
        show_copy_button: bool = False,
        **kwargs: Any,
    ) -> None:
        if type not in ("text", "password", "email"):
            raise ValueError(f'Textbox type must be "text", "password" or "email", not {type!r}')
        self.placeholder = placeholder
        self.lines = lines
        self.max_lines = max_lines if max_lines is not None else max(lines, 20)
        self.type = type
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.rtl = rtl
        self.text_align = text_align
        self.max_length = max_length
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        self.show_copy_button = show_copy_button
        super().__init__(value, **kwargs)

    def preprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def read_edit(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"a Textbox value must be a string, not {type(value).__name__}")
        return value
