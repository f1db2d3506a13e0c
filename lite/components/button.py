"""Button: fires ``click``."""

from __future__ import annotations

from typing import Any, Literal

from .base import Component


class Button(Component):
    """A button whose text is its value.

    Args:
        value: The button's text.
        variant: ``"primary"``, ``"secondary"``, ``"stop"`` (red) or ``"huggingface"``.
        size: ``"sm"``, ``"md"`` or ``"lg"``.
        icon: URL of an icon shown before the text.
        link: URL opened when the button is clicked.
        interactive: ``False`` disables the button.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "button"
    PROPS = Component.PROPS + (
        "variant", "size", "icon", "link", "interactive", "scale", "min_width",
    )
    EVENTS = ("click",)
    editable = False

    def __init__(
        self,
        value: str | Any = "Run",
        *,
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        link: str | None = None,
        interactive: bool = True,
        scale: int | None = None,
        min_width: int | None = None,
        **kwargs: Any,
    ) -> None:
        self.variant = variant
        self.size = size
        self.icon = icon
        self.link = link
        super().__init__(value, interactive=interactive, scale=scale,
                         min_width=min_width, **kwargs)

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)
