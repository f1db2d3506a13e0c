"""Markdown: formatted text. The page parses and sanitizes it."""

from __future__ import annotations

import inspect
from typing import Any

from .base import Component


class Markdown(Component):
    """Markdown text, rendered and sanitized in the page.

    Args:
        value: The Markdown source; common leading indentation is removed.
        sanitize_html: Whether raw HTML in the source is sanitized. The page
            sanitizes it whatever this is set to, because app text is untrusted.
        line_breaks: Whether single newlines become line breaks.
        header_links: Whether headings get anchor links.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "markdown"
    PROPS = Component.PROPS + (
        "label", "show_label", "rtl", "sanitize_html", "line_breaks",
        "header_links", "height", "min_height", "max_height", "container",
    )
    editable = False

    def __init__(
        self,
        value: str | Any = "",
        *,
        rtl: bool = False,
        sanitize_html: bool = True,
        line_breaks: bool = False,
        header_links: bool = False,
        height: int | str | None = None,
        min_height: int | str | None = None,
        max_height: int | str | None = None,
        show_label: bool = False,
        container: bool = False,
        latex_delimiters: Any = None,
        show_copy_button: bool = False,
        **kwargs: Any,
    ) -> None:
        self.rtl = rtl
        self.sanitize_html = sanitize_html
        self.line_breaks = line_breaks
        self.header_links = header_links
        self.height = height
        self.min_height = min_height
        self.max_height = max_height
        super().__init__(value, show_label=show_label, container=container, **kwargs)

    def postprocess(self, value: Any) -> str:
        return "" if value is None else inspect.cleandoc(str(value))
