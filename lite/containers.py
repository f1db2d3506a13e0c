"""Group, Accordion, Tabs and Tab: layouts that frame, fold or switch their children.

An accordion's ``open`` and the selected tab are props that the user changes on the
page. The page applies such a change itself, then sends an event (``expand``,
``collapse``, ``select``) even when no listener waits for it, so the session can
record what the page shows.
"""

from __future__ import annotations

from typing import Any

from . import context
from .blocks import Block, Layout
from .render import RenderArea, RenderRun


class Group(Layout):
    """Children stacked without gaps in one shared frame.

    Args:
        **kwargs: ``visible``, ``elem_id``, ``elem_classes``, ``render``, ``key``,
            ``preserved_by_key``.
    """

    kind = "group"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)


class Accordion(Layout):
    """Children under a heading that the user clicks to show or hide them.

    Args:
        label: The heading text.
        open: Whether the children are shown.
        **kwargs: ``visible``, ``elem_id``, ``elem_classes``, ``render``, ``key``,
            ``preserved_by_key``.
    """

    kind = "accordion"
    PROPS = Layout.PROPS + ("label", "open")
    EVENTS = ("expand", "collapse")
    STATE_EVENTS = ("expand", "collapse")

    def __init__(self, label: str | None = None, *, open: bool = True,
                 **kwargs: Any) -> None:
        self.label = label
        self.open = open
        super().__init__(**kwargs)

    def state_changes(self, name: str) -> list[tuple[Block, dict[str, Any]]]:
        if name in self.STATE_EVENTS:
            return [(self, {"open": name == "expand"})]
        return []


class Tabs(Layout):
    """A row of tab buttons above panels. Each ``Tab`` inside is one panel, and one
    panel shows at a time.

    ``change`` fires when the user's pick changes ``selected``.
    NOTE: a pick between two tabs that have no ``id`` leaves ``selected`` at
    ``None``, so it fires no ``change``.

    Args:
        selected: The ``id`` of the tab shown. ``None``, or an id that no tab has,
            shows the first tab.
        **kwargs: ``visible``, ``elem_id``, ``elem_classes``, ``render``, ``key``,
            ``preserved_by_key``.
    """

    kind = "tabs"
    PROPS = Layout.PROPS + ("selected",)
    EVENTS = ("change",)

    def __init__(self, *, selected: int | str | None = None, **kwargs: Any) -> None:
        self.selected = selected
        # Set on the Tabs that a Tab outside any Tabs makes around itself, so the
        # tabs that follow it join the same Tabs.
        self.implicit = False
        super().__init__(**kwargs)


class Tab(Layout):
    """One panel of a ``Tabs``. Its label is the text of its tab button.

    A tab made outside any ``Tabs`` goes into a new ``Tabs``, shared with the tabs
    made right after it, as in Gradio.

    Args:
        label: The text of the tab button.
        visible: Whether the tab and its button are shown.
        interactive: ``False`` disables the tab button.
        id: The value that ``Tabs(selected=...)`` names this tab by. A tab without
            one cannot be selected from a listener.
        scale: Accepted for compatibility; tabs share the width.
        **kwargs: ``elem_id``, ``elem_classes``, ``render``, ``key``,
            ``preserved_by_key``.
    """

    kind = "tab"
    PROPS = Layout.PROPS + ("label", "id", "interactive")
    EVENTS = ("select",)
    STATE_EVENTS = ("select",)

    def __init__(self, label: str | None = None, visible: bool = True,
                 interactive: bool = True, *, id: int | str | None = None,
                 scale: int | None = None, **kwargs: Any) -> None:
        self.label = label
        self.interactive = interactive
        # Block.id is the block's own id, so the user's tab id has another name.
        self.tab_id = id
        super().__init__(visible=visible, **kwargs)

    def initial_props(self) -> dict[str, Any]:
        props = super().initial_props()
        props["id"] = self.tab_id
        return props

    def attach(self) -> None:
        parent = context.current.parent
        if parent is None or enclosing_tabs(parent) is not None:
            super().attach()
            return
        last = parent.children[-1] if parent.children else None
        if isinstance(last, Tabs) and last.implicit:
            tabs = last
        else:
            tabs = Tabs()
            tabs.implicit = True
        with tabs:
            super().attach()

    def state_changes(self, name: str) -> list[tuple[Block, dict[str, Any]]]:
        tabs = enclosing_tabs(self.parent)
        if name != "select" or tabs is None:
            return []
        return [(tabs, {"selected": self.tab_id})]


TabItem = Tab


def enclosing_tabs(parent: Block | RenderRun | None) -> Tabs | None:
    """Return the ``Tabs`` that a tab under ``parent`` belongs to, looking through
    render functions, or ``None``."""
    node: Any = parent
    while isinstance(node, (RenderRun, RenderArea)):
        node = node.area.parent if isinstance(node, RenderRun) else node.parent
    return node if isinstance(node, Tabs) else None
