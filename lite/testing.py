"""A test client: drive an app as a page would, without a browser.

Example:
    >>> from lite.testing import TestClient
    >>> client = TestClient("examples/todo_list.py")
    >>> client.type(client.get("textbox", label="Task Name"), "Buy milk")
    >>> client.submit(client.get("textbox", label="Task Name"))
    >>> [b.props["value"] for b in client.find("textbox", show_label=False)]
    ['Buy milk']

Every action goes through the same message handling, trigger modes and diff as the
browser, and the client applies each patch to a model of the page. What ``find`` and
``get`` return is what a user would see.
"""

from __future__ import annotations

import itertools
from typing import Any

from .alias import gradio_alias
from .app import load_app
from .blocks import Blocks
from .page import PageModel, PageNode
from .session import Notice, Patch, Session

__all__ = ["TestClient"]


class TestClient:
    """Runs one session of an app and acts on it like a user.

    Args:
        app: A ``Blocks``, or the path of an app file (run with ``import gradio``
            resolving to ``lite``).
        check: Whether to check after every patch that the modelled page matches
            the session's tree; a mismatch raises ``AssertionError``.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, app: Blocks | str, *, check: bool = True) -> None:
        if isinstance(app, str):
            with gradio_alias():
                app = load_app(app)
        self._ticks = itertools.count(1)
        self.session = Session(app)
        self.page = PageModel()
        self.check = check
        self.patches: list[Patch] = []
        self.notices: list[Notice] = []
        self.session.on_step = self._apply
        self._apply(self.session.start())

    # Reading the page --------------------------------------------------------------

    @property
    def root(self) -> PageNode:
        assert self.page.root is not None
        return self.page.root

    def find(self, kind: str | None = None, **props: Any) -> list[PageNode]:
        """Return the visible-page nodes of ``kind`` whose props equal ``props``."""
        return [node for node in self.root.walk()
                if (kind is None or node.kind == kind)
                and all(node.props.get(name) == value for name, value in props.items())]

    def get(self, kind: str | None = None, **props: Any) -> PageNode:
        """Return the one node that matches, or raise ``AssertionError``."""
        found = self.find(kind, **props)
        if len(found) != 1:
            raise AssertionError(
                f"expected one {kind or 'node'} with {props}, found {len(found)}: "
                + ", ".join(self.describe(node) for node in found)
            )
        return found[0]

    def value(self, component: Any) -> Any:
        """Return the value of a component: a page node or an app block (``gr.State``)."""
        if isinstance(component, PageNode):
            return component.props.get("value")
        return self.session.value(component)

    @staticmethod
    def describe(node: PageNode) -> str:
        label = node.props.get("label")
        return f"{node.kind}(label={label!r}, value={node.props.get('value')!r})"

    # Acting like a user ------------------------------------------------------------

    def type(self, node: PageNode, text: str) -> Patch:
        """Replace the text of a textbox, as one paste would."""
        return self.send([self.edit_message(node, text)])

    def set(self, node: PageNode, value: Any) -> Patch:
        """Set the value of a slider, radio, audio or any editable component."""
        return self.send([self.edit_message(node, value)])

    def click(self, node: PageNode) -> Patch:
        """Click a button."""
        return self.send([self.event_message(node, "click")])

    def submit(self, node: PageNode) -> Patch:
        """Press Enter in a textbox."""
        return self.send([self.event_message(node, "submit")])

    def select(self, tab: PageNode) -> Patch:
        """Show a tab, as a click on its tab button would."""
        tabs = tab.parent
        while tabs is not None and tabs.kind == "render":
            tabs = tabs.parent
        if tabs is not None and tabs.kind == "tabs":
            tabs.props["selected"] = tab.props.get("id")
        return self.send([self.event_message(tab, "select")])

    def toggle(self, accordion: PageNode) -> Patch:
        """Open a closed accordion or close an open one, as a click on its label would."""
        accordion.props["open"] = not accordion.props.get("open")
        name = "expand" if accordion.props["open"] else "collapse"
        return self.send([self.event_message(accordion, name)])

    def edit_message(self, node: PageNode, value: Any) -> dict[str, Any]:
        """Return an edit message, and show the edit on the page as the DOM would."""
        if node.props.get("interactive"):
            node.props["value"] = value
        return {"type": "edit", "id": node.node_id, "value": value,
                "t": self._now(), "seq": self.session.seq}

    def event_message(self, node: PageNode, name: str) -> dict[str, Any]:
        return {"type": "event", "id": node.node_id, "name": name,
                "t": self._now(), "seq": self.session.seq}

    def send(self, messages: list[dict[str, Any]]) -> Patch:
        """Send ``messages`` as one batch, as the page does when they pile up."""
        patch = self.session.handle(messages)
        self._apply(patch)
        return patch

    # Internals -----------------------------------------------------------------

    def _now(self) -> float:
        # Page messages carry the time of the action; the engine does not use it,
        # so a counter keeps them distinct and repeatable.
        return float(next(self._ticks))

    def _apply(self, patch: Patch) -> None:
        self.page.apply(patch.ops)
        self.patches.append(patch)
        self.notices.extend(patch.notices)
        if self.check:
            self._check_page()

    def _check_page(self) -> None:
        expected = self.session.page_root
        assert expected is not None and self.page.root is not None
        for page_node, node in itertools.zip_longest(self.page.root.walk(), expected.walk()):
            if page_node is None or node is None or page_node.node_id != node.node_id \
                    or page_node.kind != node.kind or page_node.props != node.props:
                raise AssertionError(
                    f"the patched page differs from the session's tree at "
                    f"{page_node!r} versus {node!r}"
                )
