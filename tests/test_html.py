"""gr.HTML: text passed through for the page to sanitize, click and change."""

from __future__ import annotations

import logging

import lite as gr
from lite.testing import TestClient


def test_html_defaults():
    with gr.Blocks() as demo:
        gr.HTML()

    props = TestClient(demo).get("html").props
    assert props["value"] == ""
    assert props["show_label"] is False
    assert props["container"] is False
    assert props["padding"] is True
    assert "interactive" not in props


def test_html_keeps_markup_as_text():
    markup = "<p onclick='x()'>Hi <script>alert(1)</script></p>"
    with gr.Blocks() as demo:
        gr.HTML(markup)

    assert TestClient(demo).get("html").props["value"] == markup


def test_html_click_runs_listener():
    with gr.Blocks() as demo:
        banner = gr.HTML("<b>Click me</b>")
        count = gr.Number(0, label="Clicks")
        banner.click(lambda n: n + 1, count, count)

    client = TestClient(demo)
    node = client.get("html")
    assert node.props["events"] == ["click"]
    client.click(node)
    client.click(node)
    assert client.get("number").props["value"] == 2.0


def test_html_change_fires_on_output():
    changes = []
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        view = gr.HTML()
        text.change(lambda value: f"<em>{value}</em>", text, view)
        view.change(changes.append, view, None)

    client = TestClient(demo)
    client.type(client.get("textbox"), "a")
    assert client.get("html").props["value"] == "<em>a</em>"
    assert changes == ["<em>a</em>"]


def test_html_edit_is_dropped(caplog):
    with gr.Blocks() as demo:
        view = gr.HTML("fixed")

    client = TestClient(demo)
    node = client.get("html")
    with caplog.at_level(logging.WARNING, logger="lite"):
        client.send([{"type": "edit", "id": node.node_id, "value": "<b>x</b>"}])
    assert client.session.value(view) == "fixed"
    assert "not editable" in caplog.text
