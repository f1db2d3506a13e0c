"""gr.Checkbox: a bool in, a bool out, and only bools from the page."""

from __future__ import annotations

import logging

import pytest

import lite as gr
from lite.testing import TestClient


def test_checkbox_defaults():
    with gr.Blocks() as demo:
        gr.Checkbox()

    props = TestClient(demo).get("checkbox").props
    assert props["value"] is False
    assert props["label"] == "Checkbox"
    assert props["interactive"] is True


def test_checkbox_edit_fires_input_and_change():
    fired = []
    with gr.Blocks() as demo:
        box = gr.Checkbox(label="Agree")
        box.input(lambda value: fired.append(("input", value)), box, None)
        box.change(lambda value: fired.append(("change", value)), box, None)

    client = TestClient(demo)
    client.set(client.get("checkbox"), True)
    assert fired == [("input", True), ("change", True)]


def test_checkbox_same_value_fires_nothing():
    fired = []
    with gr.Blocks() as demo:
        box = gr.Checkbox(True, label="Agree")
        box.change(fired.append, box, None)

    client = TestClient(demo)
    client.set(client.get("checkbox"), True)
    assert fired == []


def test_checkbox_output_becomes_bool():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        box = gr.Checkbox(label="Has text")
        text.change(lambda value: value, text, box)

    client = TestClient(demo)
    client.type(client.get("textbox"), "x")
    assert client.get("checkbox").props["value"] is True
    client.type(client.get("textbox"), "")
    assert client.get("checkbox").props["value"] is False


@pytest.mark.parametrize("value", [1, "true", None])
def test_checkbox_rejects_non_bool_edit(value, caplog):
    with gr.Blocks() as demo:
        box = gr.Checkbox(label="Agree")
        box.change(lambda v: None, box, None)

    client = TestClient(demo)
    node = client.get("checkbox")
    with caplog.at_level(logging.WARNING, logger="lite"):
        client.send([{"type": "edit", "id": node.node_id, "value": value, "t": 1.0}])
    assert client.session.value(box) is False
    assert "must be true or false" in caplog.text


def test_checked_output_only_is_read_only():
    with gr.Blocks() as demo:
        gr.Checkbox(True, label="Fixed")

    assert TestClient(demo).get("checkbox").props["interactive"] is False
