"""The guide's examples, step by step, as Gradio documents them."""

from __future__ import annotations

import pytest
from helpers import values

from lite.testing import TestClient


def letters(client: TestClient) -> list[str]:
    return values(client.find("textbox", label="Textbox"))


# Split letters ---------------------------------------------------------------------


def test_split_opens_with_heading(example):
    client = example("split_letters")
    assert values(client.find("markdown")) == ["## No Input Provided"]
    assert letters(client) == []


def test_split_each_keystroke_renders(example):
    client = example("split_letters")
    box = client.get("textbox", label="input")
    for text in ["a", "ab", "abc"]:
        client.type(box, text)
    assert letters(client) == ["a", "b", "c"]
    assert client.find("markdown") == []
    assert all(not n.props["interactive"] for n in client.find("textbox", label="Textbox"))


def test_split_clear_brings_heading_back(example):
    client = example("split_letters")
    box = client.get("textbox", label="input")
    client.type(box, "abc")
    client.type(box, "")
    assert letters(client) == []
    assert values(client.find("markdown")) == ["## No Input Provided"]


@pytest.mark.parametrize("text, expected", [
    (" ", [" "]),
    ("héllo wörld", list("héllo wörld")),
    ("a👍🏽🇫🇷e\u0301", ["a", "👍", "🏽", "🇫", "🇷", "e", "\u0301"]),
    ("x" * 500, ["x"] * 500),
])
def test_split_by_code_point(example, text, expected):
    client = example("split_letters")
    client.type(client.get("textbox", label="input"), text)
    assert letters(client) == expected


def test_split_keyed_nothing_unkeyed_resets(example):
    """Letter boxes are unkeyed, so a re-render shows the constructor's value."""
    client = example("split_letters")
    client.type(client.get("textbox", label="input"), "ab")
    client.type(client.get("textbox", label="input"), "ac")
    assert letters(client) == ["a", "c"]


def test_split_enter_sends_nothing(example):
    client = example("split_letters")
    assert client.get("textbox", label="input").props["events"] == []


# Submit trigger ----------------------------------------------------------------------


def test_submit_nothing_rendered_at_load(example):
    client = example("submit_trigger")
    assert client.find("markdown") == []
    assert client.get("render").children == []


def test_submit_typing_does_not_render(example):
    client = example("submit_trigger")
    client.type(client.get("textbox", label="input"), "abc")
    assert client.get("render").children == []


def test_submit_renders_with_current_mode(example):
    client = example("submit_trigger")
    box = client.get("textbox", label="input")
    client.type(box, "abc")
    client.submit(box)
    assert letters(client) == ["a", "b", "c"]
    client.set(client.get("radio"), "button")
    assert letters(client) == ["a", "b", "c"]
    client.submit(box)
    assert values(client.get("render").children) == ["a", "b", "c"]
    assert {n.kind for n in client.get("render").children} == {"button"}


def test_submit_stale_buttons_stay_until_enter(example):
    client = example("submit_trigger")
    box = client.get("textbox", label="input")
    client.set(client.get("radio"), "button")
    client.type(box, "xy")
    client.submit(box)
    client.type(box, "")
    assert values(client.get("render").children) == ["x", "y"]
    client.submit(box)
    assert values(client.find("markdown")) == ["## No Input Provided"]


def test_submit_generated_button_has_no_listener(example):
    client = example("submit_trigger")
    box = client.get("textbox", label="input")
    client.set(client.get("radio"), "button")
    client.type(box, "xy")
    client.submit(box)
    button = client.get("render").children[0]
    assert button.props["events"] == []
    before = len(client.patches)
    client.click(button)
    assert len(client.patches) == before + 1
    assert client.patches[-1].ops == []


# Add Box and Merge ---------------------------------------------------------------


def boxes(client: TestClient) -> list[str]:
    render = client.get("render")
    return [n.props["label"] for n in render.children]


def test_add_box_layout_at_open(example):
    client = example("add_box_merge")
    kinds = [(n.kind, n.props.get("value"), n.props.get("label"))
             for n in client.root.children]
    assert kinds[0] == ("button", "Add Box", None)
    assert kinds[1][0] == "render"
    assert kinds[2] == ("button", "Merge", None)
    assert kinds[3] == ("textbox", "", "Merged Output")
    assert boxes(client) == ["Box 0"]
    assert client.get("textbox", label="Merged Output").props["interactive"] is True


def test_add_box_keeps_typed_values(example):
    client = example("add_box_merge")
    add = client.get("button", value="Add Box")
    for _ in range(3):
        client.click(add)
    for i, text in enumerate(["hello", "world", "", "x"]):
        client.type(client.get("textbox", label=f"Box {i}"), text)
    client.click(client.get("button", value="Merge"))
    assert client.get("textbox", label="Merged Output").props["value"] == "hello world  x"
    client.click(add)
    assert [client.get("textbox", label=f"Box {i}").props["value"] for i in range(5)] \
        == ["hello", "world", "", "x", ""]
    client.click(client.get("button", value="Merge"))
    assert client.get("textbox", label="Merged Output").props["value"] == "hello world  x "


def test_add_box_keeps_dom_nodes(example):
    client = example("add_box_merge")
    add = client.get("button", value="Add Box")
    client.click(add)
    before = [n.node_id for n in client.get("render").children]
    patch = client.click(add)
    after = [n.node_id for n in client.get("render").children]
    assert after[:2] == before
    assert [op["op"] for op in patch.ops] == ["create"]


def test_add_box_merge_uses_latest_run(example):
    client = example("add_box_merge")
    add = client.get("button", value="Add Box")
    merge = client.get("button", value="Merge")
    for _ in range(4):
        client.click(add)
    runs = []
    for listener in client.session.runs[client.get("render").node_id].listeners:
        runs.append(len(listener.inputs))
    assert runs == [5]
    client.click(merge)
    assert client.get("textbox", label="Merged Output").props["value"] == "    "


def test_add_box_burst_adds_one(example):
    client = example("add_box_merge")
    add = client.get("button", value="Add Box")
    client.send([client.event_message(add, "click") for _ in range(10)])
    assert boxes(client) == ["Box 0", "Box 1"]


def test_add_box_new_session_starts_over(example):
    client = example("add_box_merge")
    client.click(client.get("button", value="Add Box"))
    again = TestClient(client.session.app)
    assert boxes(again) == ["Box 0"]


# Preserved labels ------------------------------------------------------------------


def rows(client: TestClient) -> list[tuple]:
    return [(t.props["label"], t.props["info"], t.props["value"])
            for t in client.find("textbox")]


def change_label(client: TestClient, row: int) -> None:
    client.click(client.find("button", value="Change Label")[row])


def test_preserved_labels_survive_info_resets(example):
    client = example("preserved_labels")
    slider = client.get("slider", label="Number of Boxes")
    assert rows(client) == [("Default Label", "Default Info", "")] * 3
    for i, box in enumerate(client.find("textbox")):
        client.type(box, f"v{i}")
    change_label(client, 0)
    change_label(client, 2)
    label0, info0, _ = rows(client)[0]
    label2 = rows(client)[2][0]
    assert label0 in "ABCDE"
    assert info0 in "ABCDE"
    client.set(slider, 5)
    assert rows(client) == [
        (label0, "Default Info", "v0"),
        ("Default Label", "Default Info", "v1"),
        (label2, "Default Info", "v2"),
        ("Default Label", "Default Info", ""),
        ("Default Label", "Default Info", ""),
    ]


def test_preserved_labels_removed_key_comes_back_fresh(example):
    client = example("preserved_labels")
    slider = client.get("slider", label="Number of Boxes")
    for i, box in enumerate(client.find("textbox")):
        client.type(box, f"v{i}")
    change_label(client, 2)
    client.set(slider, 2)
    assert [r[2] for r in rows(client)] == ["v0", "v1"]
    client.set(slider, 3)
    assert rows(client)[2] == ("Default Label", "Default Info", "")


def test_preserved_labels_same_value_no_event(example):
    client = example("preserved_labels")
    slider = client.get("slider", label="Number of Boxes")
    runs_before = len(client.session.runs)
    patch = client.set(slider, 3)
    assert patch.ops == []
    assert len(client.session.runs) == runs_before


def test_preserved_labels_rows_keep_elements(example):
    client = example("preserved_labels")
    before = [n.node_id for n in client.find("textbox")]
    client.set(client.get("slider", label="Number of Boxes"), 4)
    assert [n.node_id for n in client.find("textbox")][:3] == before
