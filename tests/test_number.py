"""gr.Number: rounding, bounds, submit and validation of page edits."""

from __future__ import annotations

import logging
import math

import pytest

import lite as gr
from lite.testing import TestClient


def echo_app(**number_args):
    """A Number whose change listener records what it receives."""
    received = []
    with gr.Blocks() as demo:
        number = gr.Number(label="N", **number_args)
        number.change(received.append, number, None)
    return demo, number, received


def raw_edit(client: TestClient, node, value) -> None:
    """Send an edit without showing it on the modelled page, as a bad page would."""
    client.send([{"type": "edit", "id": node.node_id, "value": value, "t": 1.0,
                  "seq": client.session.seq}])


def test_number_passes_float_by_default():
    demo, _, received = echo_app()
    client = TestClient(demo)
    client.set(client.get("number"), 3)
    assert received == [3.0]
    assert type(received[0]) is float


def test_number_precision_zero_passes_int():
    demo, _, received = echo_app(precision=0)
    client = TestClient(demo)
    client.set(client.get("number"), 3.7)
    assert received == [4]
    assert type(received[0]) is int


def test_number_precision_rounds():
    demo, _, received = echo_app(precision=2)
    client = TestClient(demo)
    client.set(client.get("number"), 1.23456)
    assert received == [1.23]


def test_number_empty_field_passes_none():
    demo, _, received = echo_app(value=5)
    client = TestClient(demo)
    client.set(client.get("number"), None)
    assert received == [None]


def test_number_value_is_rounded_on_output():
    with gr.Blocks() as demo:
        source = gr.Textbox(label="Source")
        number = gr.Number(label="N", precision=1)
        source.change(lambda text: text, source, number)

    client = TestClient(demo)
    client.type(client.get("textbox"), "2.46")
    assert client.get("number").props["value"] == 2.5


def test_number_bad_output_is_error():
    with gr.Blocks() as demo:
        button = gr.Button("Go")
        number = gr.Number(label="N")
        button.click(lambda: "many", None, number)

    client = TestClient(demo)
    client.click(client.get("button"))
    assert "must be a number" in client.notices[-1].message
    assert client.get("number").props["value"] is None


def test_number_submit_runs_listener():
    with gr.Blocks() as demo:
        number = gr.Number(2, label="N")
        out = gr.Textbox(label="Out")
        number.submit(lambda value: f"got {value}", number, out)

    client = TestClient(demo)
    node = client.get("number")
    assert node.props["events"] == ["submit"]
    client.submit(node)
    assert client.get("textbox", label="Out").props["value"] == "got 2.0"


@pytest.mark.parametrize("value, reason", [
    ("3", "finite number"),
    (True, "finite number"),
    (math.inf, "finite number"),
    (-1, "below the Number's minimum 0"),
    (11, "above the Number's maximum 10"),
])
def test_number_invalid_edit_is_dropped(value, reason, caplog):
    demo, number, received = echo_app(value=5, minimum=0, maximum=10)
    client = TestClient(demo)
    with caplog.at_level(logging.WARNING, logger="lite"):
        raw_edit(client, client.get("number"), value)
    assert client.session.value(number) == 5.0
    assert received == []
    assert reason in caplog.text


def test_number_updated_maximum_checks_edits(caplog):
    with gr.Blocks() as demo:
        number = gr.Number(1, label="N", maximum=100)
        button = gr.Button("Limit")
        button.click(lambda: gr.update(maximum=5), None, number)
        number.change(lambda value: None, number, None)

    client = TestClient(demo)
    client.click(client.get("button"))
    with caplog.at_level(logging.WARNING, logger="lite"):
        raw_edit(client, client.get("number"), 7)
    assert client.session.value(number) == 1.0
    assert "above the Number's maximum 5" in caplog.text


def test_number_interactivity_follows_rules():
    with gr.Blocks() as demo:
        gr.Number(label="Empty")
        gr.Number(3, label="Shown")
        used = gr.Number(3, label="Input")
        used.change(lambda value: None, used, None)

    client = TestClient(demo)
    assert client.get("number", label="Empty").props["interactive"] is True
    assert client.get("number", label="Shown").props["interactive"] is False
    assert client.get("number", label="Input").props["interactive"] is True


def test_number_default_props():
    with gr.Blocks() as demo:
        gr.Number()

    props = TestClient(demo).get("number").props
    assert props["label"] == "Number"
    assert props["value"] is None
    assert props["step"] == 1
    assert props["precision"] is None


@pytest.mark.parametrize("args, message", [
    ({"precision": -1}, "precision must be None or an integer"),
    ({"minimum": 5, "maximum": 1}, "maximum 1 is below its minimum 5"),
    ({"value": "abc"}, "must be a number"),
])
def test_number_rejects_bad_arguments(args, message):
    with pytest.raises(ValueError, match=message):
        gr.Number(**args)
