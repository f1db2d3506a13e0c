"""The guide's examples, step by step, as Gradio documents them."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import values

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
    assert client.patches[-1].ops == [] and len(client.patches) == before + 1


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
    assert label0 in "ABCDE" and info0 in "ABCDE"
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


# Audio mixer (numpy under CPython) ----------------------------------------------


def tone(freq: float, seconds: float, rate: int = 16000) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (np.sin(2 * np.pi * freq * t) * 8192).astype(np.int16)


def pcm(samples: np.ndarray, rate: int = 16000) -> dict:
    return {"sample_rate": rate, "channels": 1, "pcm": samples.astype("<i2").tobytes()}


def output_samples(client: TestClient) -> np.ndarray:
    value = client.get("audio", label="Output").props["value"]
    return np.frombuffer(value["pcm"], dtype="<i2")


def normalised(mix: np.ndarray) -> np.ndarray:
    return (32767 * mix / np.abs(mix).max()).astype(np.int16)


def test_mixer_volume_is_enabled(example):
    client = example("audio_mixer")
    assert client.get("slider", label="Volume").props["interactive"] is True
    assert client.get("audio", label="Track 0").props["interactive"] is True
    assert client.get("audio", label="Output").props["interactive"] is False


def test_mixer_merges_two_tracks_bit_exact(example):
    client = example("audio_mixer")
    client.click(client.get("button", value="Add Track"))
    a, b = tone(440, 1.0), tone(660, 1.0)
    client.set(client.get("audio", label="Track 0"), pcm(a))
    client.set(client.get("audio", label="Track 1"), pcm(b))
    client.set(client.find("slider", label="Volume")[1], 50)
    client.click(client.get("button", value="Merge Tracks"))
    got = output_samples(client)
    assert len(got) == 16000
    assert got.max() == 32767
    assert np.array_equal(got, normalised(2 * a * 1.0 + b * 0.5))


def test_mixer_add_track_keeps_audio(example):
    client = example("audio_mixer")
    client.set(client.get("audio", label="Track 0"), pcm(tone(440, 0.1)))
    client.type(client.find("textbox")[0], "left")
    client.set(client.get("slider", label="Volume"), 30)
    client.click(client.get("button", value="Add Track"))
    assert client.get("audio", label="Track 0").props["value"] is not None
    assert client.find("textbox")[0].props["value"] == "left"
    assert client.find("slider", label="Volume")[0].props["value"] == 30
    assert client.get("audio", label="Track 1").props["value"] is None


def test_mixer_missing_track_is_error(example):
    client = example("audio_mixer")
    client.click(client.get("button", value="Add Track"))
    client.set(client.get("audio", label="Track 0"), pcm(tone(440, 0.1)))
    client.click(client.get("button", value="Merge Tracks"))
    output = client.get("audio", label="Output")
    assert output.props["value"] is None
    assert output.props["error"].startswith("TypeError: cannot unpack")


def test_mixer_shorter_later_track_fails(example):
    client = example("audio_mixer")
    client.click(client.get("button", value="Add Track"))
    client.set(client.get("audio", label="Track 0"), pcm(tone(440, 1.0)))
    client.set(client.get("audio", label="Track 1"), pcm(tone(880, 0.5)))
    client.click(client.get("button", value="Merge Tracks"))
    assert "could not be broadcast" in client.get("audio", label="Output").props["error"]


def test_mixer_longer_later_track_truncates(example):
    client = example("audio_mixer")
    client.click(client.get("button", value="Add Track"))
    c, a = tone(880, 0.5), tone(440, 1.0)
    client.set(client.get("audio", label="Track 0"), pcm(c))
    client.set(client.get("audio", label="Track 1"), pcm(a))
    client.click(client.get("button", value="Merge Tracks"))
    got = output_samples(client)
    assert len(got) == 8000
    assert np.array_equal(got, normalised(2 * c * 1.0 + a[:8000] * 1.0))


def test_mixer_single_track_renormalised(example):
    client = example("audio_mixer")
    a = tone(440, 1.0)
    client.set(client.get("audio", label="Track 0"), pcm(a))
    client.click(client.get("button", value="Merge Tracks"))
    got = output_samples(client)
    assert got.max() == 32767
    assert np.array_equal(got, normalised(a * 1.0))
