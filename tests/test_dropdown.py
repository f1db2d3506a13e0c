"""gr.Dropdown: default values, single and multiselect, custom values, index type."""

from __future__ import annotations

import logging

import pytest

import lite as gr
from lite.testing import TestClient

CHOICES = ["a", ("Bee", "b"), ("Three", 3)]


def echo_app(**dropdown_args):
    """A Dropdown whose change listener records what it receives."""
    received = []
    with gr.Blocks() as demo:
        dropdown = gr.Dropdown(CHOICES, label="D", **dropdown_args)
        dropdown.change(received.append, dropdown, None)
    return demo, dropdown, received


def raw_edit(client: TestClient, value) -> None:
    """Send an edit without showing it on the modelled page, as a bad page would."""
    node = client.get("dropdown")
    client.send([{"type": "edit", "id": node.node_id, "value": value, "t": 1.0,
                  "seq": client.session.seq}])


@pytest.mark.parametrize("args, expected", [
    ({}, "a"),
    ({"value": None}, None),
    ({"value": 3}, 3),
    ({"multiselect": True}, []),
    ({"multiselect": True, "value": "b"}, ["b"]),
    ({"multiselect": True, "value": None}, []),
])
def test_dropdown_starting_value(args, expected):
    with gr.Blocks() as demo:
        gr.Dropdown(CHOICES, **args)

    assert TestClient(demo).get("dropdown").props["value"] == expected


def test_dropdown_without_choices_is_empty():
    with gr.Blocks() as demo:
        gr.Dropdown()

    props = TestClient(demo).get("dropdown").props
    assert props["value"] is None
    assert props["choices"] == []
    assert props["label"] == "Dropdown"
    assert props["multiselect"] is False


def test_dropdown_choices_become_pairs():
    with gr.Blocks() as demo:
        gr.Dropdown(CHOICES)

    props = TestClient(demo).get("dropdown").props
    assert props["choices"] == [["a", "a"], ["Bee", "b"], ["Three", 3]]


def test_dropdown_edit_passes_value():
    demo, _, received = echo_app()
    client = TestClient(demo)
    client.set(client.get("dropdown"), 3)
    assert received == [3]


def test_dropdown_index_type():
    demo, _, received = echo_app(type="index")
    client = TestClient(demo)
    client.set(client.get("dropdown"), "b")
    assert received == [1]


def test_multiselect_passes_list():
    demo, _, received = echo_app(multiselect=True)
    client = TestClient(demo)
    client.set(client.get("dropdown"), ["b", "a"])
    client.set(client.get("dropdown"), [])
    assert received == [["b", "a"], []]


def test_multiselect_index_type():
    demo, _, received = echo_app(multiselect=True, type="index", allow_custom_value=True)
    client = TestClient(demo)
    client.set(client.get("dropdown"), [3, "a", "typed"])
    assert received == [[2, 0, None]]


def test_custom_value_accepted_when_allowed():
    demo, dropdown, received = echo_app(allow_custom_value=True)
    client = TestClient(demo)
    client.set(client.get("dropdown"), "typed")
    assert received == ["typed"]
    assert client.session.value(dropdown) == "typed"


@pytest.mark.parametrize("args, value, reason", [
    ({}, "zzz", "not one of the Dropdown's choices; pass allow_custom_value=True"),
    ({}, ["a"], "not one of the Dropdown's choices"),
    ({"allow_custom_value": True}, 7, "custom Dropdown value must be a string"),
    ({"multiselect": True}, "a", "must be a list, not str"),
    ({"multiselect": True}, ["a", "zzz"], "'zzz' is not one of"),
    ({"multiselect": True}, ["a", "a"], "lists a choice twice"),
    ({"multiselect": True, "max_choices": 2}, ["a", "b", 3], "more than max_choices=2"),
])
def test_dropdown_invalid_edit_is_dropped(args, value, reason, caplog):
    demo, dropdown, received = echo_app(**args)
    client = TestClient(demo)
    before = client.session.value(dropdown)
    with caplog.at_level(logging.WARNING, logger="lite"):
        raw_edit(client, value)
    assert client.session.value(dropdown) == before
    assert received == []
    assert reason in caplog.text


def test_dropdown_accepts_choices_set_by_listener(caplog):
    """Choices that a listener sets are the ones the next edit is checked against."""
    with gr.Blocks() as demo:
        country = gr.Radio(["NL", "FR"], label="Country")
        city = gr.Dropdown([], label="City", value=None)
        cities = {"NL": ["Utrecht", "Delft"], "FR": ["Lyon"]}
        country.change(lambda c: gr.Dropdown(choices=cities[c], value=cities[c][0]),
                       country, city)
        picked = gr.Textbox(label="Picked")
        city.change(lambda c: c or "", city, picked)

    client = TestClient(demo)
    client.set(client.get("radio"), "NL")
    assert client.get("dropdown").props["choices"] == [["Utrecht", "Utrecht"],
                                                        ["Delft", "Delft"]]
    assert client.get("textbox").props["value"] == "Utrecht"
    client.set(client.get("dropdown"), "Delft")
    assert client.get("textbox").props["value"] == "Delft"
    with caplog.at_level(logging.WARNING, logger="lite"):
        raw_edit(client, "Lyon")
    assert client.get("textbox").props["value"] == "Delft"
    assert "'Lyon' is not one of" in caplog.text


def test_multiselect_output_becomes_list():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        tags = gr.Dropdown(CHOICES, multiselect=True, label="Tags")
        text.change(lambda value: value or None, text, tags)

    client = TestClient(demo)
    client.type(client.get("textbox"), "a")
    assert client.get("dropdown").props["value"] == ["a"]
    client.type(client.get("textbox"), "")
    assert client.get("dropdown").props["value"] == []


def test_dropdown_interactivity_follows_rules():
    with gr.Blocks() as demo:
        gr.Dropdown(CHOICES, label="Picked")
        gr.Dropdown(CHOICES, value=None, label="Empty")
        gr.Dropdown(CHOICES, multiselect=True, label="No tags")

    client = TestClient(demo)
    assert client.get("dropdown", label="Picked").props["interactive"] is False
    assert client.get("dropdown", label="Empty").props["interactive"] is True
    assert client.get("dropdown", label="No tags").props["interactive"] is True


@pytest.mark.parametrize("args, message", [
    ({"type": "label"}, 'type must be "value" or "index"'),
    ({"max_choices": 0}, "max_choices must be 1 or more"),
])
def test_dropdown_rejects_bad_arguments(args, message):
    with pytest.raises(ValueError, match=message):
        gr.Dropdown(CHOICES, **args)
