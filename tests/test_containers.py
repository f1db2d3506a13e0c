"""Group, Accordion, Tabs and Tab: structure, and the state the page reports."""

from __future__ import annotations

import logging

import lite as gr
from lite.testing import TestClient


def kinds(node) -> list:
    """Return ``(kind, [children...])`` for the layout below ``node``."""
    return [(child.kind, kinds(child)) for child in node.children]


def test_group_holds_children():
    with gr.Blocks() as demo:
        with gr.Group():
            gr.Textbox(label="A")
            gr.Number(label="B")

    client = TestClient(demo)
    assert kinds(client.root) == [("group", [("textbox", []), ("number", [])])]


# Accordion -------------------------------------------------------------------------


def accordion_app():
    fired = []
    with gr.Blocks() as demo:
        with gr.Accordion("More", open=False) as accordion:
            gr.Textbox(label="Inside")
        accordion.expand(lambda: fired.append("expand"))
        accordion.collapse(lambda: fired.append("collapse"))
        button = gr.Button("Open")
        button.click(lambda: gr.Accordion(open=True), None, accordion)
    return demo, fired


def test_accordion_props():
    with gr.Blocks() as demo:
        gr.Accordion()

    props = TestClient(demo).get("accordion").props
    assert props["label"] is None
    assert props["open"] is True
    assert props["events"] == ["collapse", "expand"]


def test_accordion_toggle_runs_listeners():
    demo, fired = accordion_app()
    client = TestClient(demo)
    client.toggle(client.get("accordion"))
    client.toggle(client.get("accordion"))
    assert fired == ["expand", "collapse"]


def test_accordion_toggle_is_recorded():
    demo, _ = accordion_app()
    client = TestClient(demo)
    patch = client.toggle(client.get("accordion"))
    assert patch.ops == []
    assert client.get("accordion").props["open"] is True


def test_accordion_reopens_after_user_closed():
    """An app that opens an accordion the user closed sends the open again."""
    demo, _ = accordion_app()
    client = TestClient(demo)
    accordion = client.get("accordion")
    client.click(client.get("button"))
    assert accordion.props["open"] is True
    client.toggle(accordion)
    assert accordion.props["open"] is False
    patch = client.click(client.get("button"))
    assert patch.ops == [{"op": "update", "id": accordion.node_id, "props": {"open": True}}]


def test_accordion_without_listeners_still_reports():
    with gr.Blocks() as demo:
        accordion = gr.Accordion("Plain", open=False)

    client = TestClient(demo)
    client.toggle(client.get("accordion"))
    assert client.session.props[accordion.id]["open"] is True


# Tabs ------------------------------------------------------------------------------


def test_tabs_outside_tabs_share_one_tabs():
    with gr.Blocks() as demo:
        with gr.Tab("A"):
            gr.Textbox(label="In A")
        with gr.Tab("B"):
            pass
        gr.Markdown("between")
        with gr.Tab("C"):
            pass

    client = TestClient(demo)
    assert kinds(client.root) == [
        ("tabs", [("tab", [("textbox", [])]), ("tab", [])]),
        ("markdown", []),
        ("tabs", [("tab", [])]),
    ]
    assert [tab.props["label"] for tab in client.find("tab")] == ["A", "B", "C"]


def test_tabs_after_explicit_tabs_get_their_own():
    with gr.Blocks() as demo:
        with gr.Tabs():
            with gr.Tab("A"):
                pass
        with gr.Tab("B"):
            pass

    client = TestClient(demo)
    assert kinds(client.root) == [("tabs", [("tab", [])]), ("tabs", [("tab", [])])]


def test_tab_props_and_alias():
    with gr.Blocks() as demo:
        with gr.Tabs():
            gr.TabItem("One", id=1, interactive=False)

    client = TestClient(demo)
    tab = client.get("tab")
    assert gr.TabItem is gr.Tab
    assert tab.props["id"] == 1
    assert tab.props["interactive"] is False
    assert tab.props["events"] == ["select"]
    assert client.get("tabs").props["selected"] is None


def tabs_app():
    fired = []
    with gr.Blocks() as demo:
        with gr.Tabs(selected="a") as tabs:
            with gr.Tab("A", id="a") as tab_a:
                gr.Textbox(label="In A")
            with gr.Tab("B", id="b") as tab_b:
                to_a = gr.Button("Back to A")
            with gr.Tab("No id"):
                pass
        tab_a.select(lambda: fired.append("select a"))
        tab_b.select(lambda: fired.append("select b"))
        tabs.change(lambda: fired.append("change"))
        to_a.click(lambda: gr.Tabs(selected="a"), None, tabs)
    return demo, fired


def test_tab_select_records_selected():
    demo, fired = tabs_app()
    client = TestClient(demo)
    patch = client.select(client.get("tab", label="B"))
    assert patch.ops == []
    assert client.get("tabs").props["selected"] == "b"
    assert fired == ["select b", "change"]


def test_tab_select_again_fires_no_change():
    demo, fired = tabs_app()
    client = TestClient(demo)
    client.select(client.get("tab", label="A"))
    assert fired == ["select a"]


def test_tab_without_id_selects_none():
    demo, _ = tabs_app()
    client = TestClient(demo)
    client.select(client.get("tab", label="No id"))
    assert client.get("tabs").props["selected"] is None


def test_listener_switches_tab_user_left():
    """A listener that selects the tab the engine last set still moves the page."""
    demo, _ = tabs_app()
    client = TestClient(demo)
    tabs = client.get("tabs")
    client.select(client.get("tab", label="B"))
    patch = client.click(client.get("button", value="Back to A"))
    assert patch.ops == [{"op": "update", "id": tabs.node_id, "props": {"selected": "a"}}]


def test_select_of_unknown_event_is_dropped(caplog):
    demo, fired = tabs_app()
    client = TestClient(demo)
    tab = client.get("tab", label="A")
    with caplog.at_level(logging.WARNING, logger="lite"):
        client.send([client.event_message(tab, "expand")])
    assert fired == []
    assert "has no such event" in caplog.text


def test_rendered_tabs_join_enclosing_tabs():
    with gr.Blocks() as demo:
        count = gr.Number(2, label="Count", precision=0)
        with gr.Tabs() as tabs:
            @gr.render(inputs=count)
            def make_tabs(n):
                for i in range(n):
                    with gr.Tab(f"Tab {i}", id=i, key=i):
                        gr.Markdown(f"Panel {i}")
        count.change(lambda n: n, count, None)

    client = TestClient(demo)
    assert kinds(client.root)[1] == ("tabs", [("render", [
        ("tab", [("markdown", [])]), ("tab", [("markdown", [])])])])
    client.select(client.get("tab", label="Tab 1"))
    assert client.session.props[tabs.id]["selected"] == 1
    client.set(client.get("number"), 3)
    assert [tab.props["label"] for tab in client.find("tab")] == ["Tab 0", "Tab 1", "Tab 2"]


def test_rendered_tabs_without_tabs_get_one():
    with gr.Blocks() as demo:
        @gr.render()
        def make_tabs():
            with gr.Tab("X"):
                pass
            with gr.Tab("Y"):
                pass

    client = TestClient(demo)
    assert kinds(client.root) == [("render", [("tabs", [("tab", []), ("tab", [])])])]
