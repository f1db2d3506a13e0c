"""Row and Column: layouts that arrange their children."""

from __future__ import annotations

from typing import Any, Literal

from .blocks import Layout


class Row(Layout):
    """Children side by side, wrapping when there is no room.

    Args:
        variant: ``"default"``, ``"panel"`` or ``"compact"``.
        equal_height: Whether every child is stretched to the tallest one's height.
        **kwargs: ``visible``, ``elem_id``, ``elem_classes``, ``render``, ``key``,
            ``preserved_by_key``.
    """

    kind = "row"
    PROPS = Layout.PROPS + ("variant", "equal_height", "scale", "min_width")

    def __init__(self, *, variant: Literal["default", "panel", "compact"] = "default",
                 equal_height: bool = False, scale: int | None = None,
                 min_width: int | None = None, show_progress: bool = False,
                 height: Any = None, max_height: Any = None, min_height: Any = None,
                 **kwargs: Any) -> None:
        self.variant = variant
        self.equal_height = equal_height
        self.scale = scale
        self.min_width = min_width
        super().__init__(**kwargs)


class Column(Layout):
    """Children one above the other.

    Args:
        scale: How much the column grows next to its siblings in a row.
        min_width: The minimum width in pixels.
        variant: ``"default"``, ``"panel"`` (a framed background) or ``"compact"``.
        **kwargs: ``visible``, ``elem_id``, ``elem_classes``, ``render``, ``key``,
            ``preserved_by_key``.
    """

    kind = "column"
    PROPS = Layout.PROPS + ("variant", "scale", "min_width")

    def __init__(self, scale: int = 1, min_width: int = 320, *,
                 variant: Literal["default", "panel", "compact"] = "default",
                 show_progress: bool = False, **kwargs: Any) -> None:
        self.variant = variant
        self.scale = scale
        self.min_width = min_width
        super().__init__(**kwargs)
