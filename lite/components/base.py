"""The base class of every component: a block with a value."""

from __future__ import annotations

import copy
from typing import Any, Callable, ClassVar

from ..blocks import Block

class Component(Block):
    """A block with a value that listeners read and write.

    Args:
        value: The starting value. A callable is called when a session starts, and
            its result is the starting value.
        label: The label shown above the component; defaults to the kind's name.
        info: Help text shown under the label.
        show_label: Whether the label is shown. A hidden label still names the
            component for screen readers and tests.
        container: Whether the component sits in a framed box.
        scale: How much the component grows next to its siblings in a row.
        min_width: The minimum width in pixels.
        interactive: Whether the user can edit the value. ``None`` means editable
            when the component is an input of some listener or starts empty.
        **kwargs: Passed to :class:`lite.blocks.Block` (``visible``, ``key``, ...).
    """

    PROPS: ClassVar[tuple[str, ...]] = Block.PROPS + ("value",)
    EVENTS: ClassVar[tuple[str, ...]] = ("change",)
    default_label: ClassVar[str] = ""
    # Whether the user can edit this kind at all; buttons and Markdown cannot.
    editable: ClassVar[bool] = True
    # Props that preprocess and read_edit read. A listener may change them in one
    # session (a dropdown's choices), so the session processes values with a copy.
    SESSION_PROPS: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int | None = 160,
        interactive: bool | None = None,
        **kwargs: Any,
    ) -> None:
        self.value_fn: Callable[[], Any] | None = value if callable(value) else None
        self.value = None if self.value_fn else self.postprocess(value)
        self.label = label if label is not None else self.default_label
        self.info = info
        self.show_label = True if show_label is None else show_label
        self.container = container
        self.scale = scale
        self.min_width = min_width
        self.interactive = interactive
        super().__init__(**kwargs)

    def initial_props(self) -> dict[str, Any]:
        props = super().initial_props()
        if self.value_fn is not None:
            props["value"] = self.postprocess(self.value_fn())
        return props

    def starts_empty(self) -> bool:
        """Return whether the constructor's value counts as empty (for interactivity)."""
        value = self.value
        if isinstance(value, (list, dict, tuple)):
            return not value
        return value is None or isinstance(value, (str, int, float)) and not value

    def packages(self) -> tuple[str, ...]:
        """Return the Pyodide packages this component needs to preprocess its value."""
        return ()

    def with_props(self, props: dict[str, Any]) -> Component:
        """Return this component, or a copy with the ``SESSION_PROPS`` in ``props``."""
        changed = {name: props[name] for name in self.SESSION_PROPS
                   if name in props and props[name] != getattr(self, name)}
        if not changed:
            return self
        configured = copy.copy(self)
        configured.__dict__.update(changed)
        return configured

    def preprocess(self, value: Any) -> Any:
        """Turn the stored value into what the listener function receives."""
        return value

    def postprocess(self, value: Any) -> Any:
        """Turn what a listener returned into the stored value."""
        return value

    def read_edit(self, value: Any) -> Any:
        """Check a value the user sent from the page and return it as stored.

        Raises:
            ValueError: The value does not fit this component.
        """
        return self.postprocess(value)
