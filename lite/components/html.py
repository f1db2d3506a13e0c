"""HTML: markup from the app, sanitized in the page."""

from __future__ import annotations

from typing import Any

from .base import Component


class HTML(Component):
    """A block of HTML. The page removes scripts, event handler attributes and
    ``javascript:`` URLs before showing it, because the text may come from users.

    Args:
        value: The HTML source.
        min_height: The minimum height, in pixels or as a CSS length.
        max_height: The maximum height; taller content scrolls.
        padding: Whether the content has padding around it.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "html"
    PROPS = Component.PROPS + (
        "label", "show_label", "min_height", "max_height", "container", "padding",
    )
    EVENTS = ("change", "click")
    default_label = "HTML"
    editable = False

    def __init__(
        self,
        value: str | Any = None,
        *,
        show_label: bool = False,
        min_height: int | str | None = None,
        max_height: int | str | None = None,
        container: bool = False,
        padding: bool = True,
        **kwargs: Any,
    ) -> None:
        self.min_height = min_height
        self.max_height = max_height
        self.padding = padding
        super().__init__(value, show_label=show_label, container=container, **kwargs)

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)
