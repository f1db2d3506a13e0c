"""Session semantics: trigger modes, errors, updates and bad messages."""

from __future__ import annotations

import logging

import pytest

import lite as gr
from lite.errors import ContextError
from lite.testing import TestClient


def counter_app(mode: str | None = None, fail_on: int | None = None):
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Textbox(label="Count")
        button = gr.Button("Add")
        calls = []

        def add(value):
            calls.append(value)
            if value == fail_on:
                raise ValueError(f"cannot add to {value}")
            return value + 1, str(value + 1)

        button.click(add, count, [count, shown], trigger_mode=mode)
    return demo, calls


def test_once_ignores_clicks_while_running():
    demo, calls = counter_app()
    client = TestClient(demo)
    button = client.get("button", value="Add")
    client.send([client.event_message(button, "click") for _ in range(10)])
    assert calls == [0]
    assert client.get("textbox", label="Count").props["value"] == "1"


def test_once_accepts_click_after_patch():
    demo, calls = counter_app()
    client = TestClient(demo)
    button = client.get("button", value="Add")
    client.click(button)
    client.click(button)
    assert calls == [0, 1]


def test_once_ignores_click_sent_before_patch():
    demo, calls = counter_app()
    client = TestClient(demo)
    button = client.get("button", value="Add")
    early = client.event_message(button, "click")
    client.click(button)
    client.send([early])
    assert calls == [0]


def test_multiple_runs_every_click_in_order():
    demo, calls = counter_app("multiple")
    client = TestClient(demo)
    button = client.get("button", value="Add")
    client.send([client.event_message(button, "click") for _ in range(10)])
    assert calls == list(range(10))
    assert client.get("textbox", label="Count").props["value"] == "10"


def test_always_last_merges_edits_into_one_run():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="In")
        runs = []

        @gr.render(inputs=text)
        def show(value):
            runs.append(value)
            gr.Markdown(value)

    client = TestClient(demo)
    box = client.get("textbox", label="In")
    client.send([client.edit_message(box, "thequickbrownfox"[:n]) for n in range(1, 17)])
    assert runs == ["", "thequickbrownfox"]
    assert client.get("markdown").props["value"] == "thequickbrownfox"


def test_event_sees_values_of_earlier_edits():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="In")
        out = gr.Textbox(label="Out")
        seen = []
        text.submit(lambda v: seen.append(v) or v, text, out, trigger_mode="multiple")

    client = TestClient(demo)
    box = client.get("textbox", label="In")
    client.send([client.edit_message(box, "a"), client.event_message(box, "submit"),
                 client.edit_message(box, "ab"), client.event_message(box, "submit")])
    assert seen == ["a", "ab"]


def test_listener_error_marks_outputs_and_keeps_value(caplog):
    demo, calls = counter_app(fail_on=1)
    client = TestClient(demo)
    button = client.get("button", value="Add")
    client.click(button)
    with caplog.at_level(logging.ERROR, logger="lite"):
        client.click(button)
    shown = client.get("textbox", label="Count")
    assert shown.props["value"] == "1"
    assert shown.props["error"] == "ValueError: cannot add to 1"
    notice = client.notices[-1]
    assert notice.level == "error"
    assert notice.message == "ValueError: cannot add to 1"
    assert "in add" in notice.traceback
    assert "lite/session.py" not in notice.traceback
    assert "cannot add to 1" in caplog.text


def test_listener_error_then_next_event_works():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="In")
        out = gr.Textbox(label="Out")
        go = gr.Button("Go")

        def check(value):
            if not value:
                raise gr.Error("Type something first", title="Missing text")
            return value.upper()

        go.click(check, text, out)

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    assert client.get("textbox", label="Out").props["error"] == "Type something first"
    assert (client.notices[-1].title, client.notices[-1].traceback) == ("Missing text", None)
    client.type(client.get("textbox", label="In"), "hi")
    client.click(client.get("button", value="Go"))
    out = client.get("textbox", label="Out")
    assert out.props["value"] == "HI"
    assert out.props["error"] is None


def test_render_error_keeps_previous_output():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="In")

        @gr.render(inputs=text)
        def show(value):
            if value == "boom":
                raise RuntimeError("render failed")
            gr.Markdown(f"got {value}")

    client = TestClient(demo)
    client.type(client.get("textbox", label="In"), "ok")
    client.type(client.get("textbox", label="In"), "boom")
    assert client.get("markdown").props["value"] == "got ok"
    assert client.notices[-1].message == "RuntimeError: render failed"
    client.type(client.get("textbox", label="In"), "fine")
    assert client.get("markdown").props["value"] == "got fine"


def test_duplicate_key_in_render_is_reported():
    with gr.Blocks() as demo:
        count = gr.Slider(1, 3, value=1, label="N")

        @gr.render(inputs=count)
        def show(n):
            for _ in range(n):
                gr.Textbox(key="same")

    client = TestClient(demo)
    client.set(client.get("slider"), 2)
    assert len(client.find("textbox")) == 1
    assert "same key 'same'" in client.notices[-1].message


def test_wrong_output_count_is_an_error():
    with gr.Blocks() as demo:
        a = gr.Textbox(label="A")
        b = gr.Textbox(label="B")
        go = gr.Button("Go")
        go.click(lambda: "only one", None, [a, b])

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    assert "has 2 outputs" in client.notices[-1].message


def test_update_changes_only_named_props():
    with gr.Blocks() as demo:
        box = gr.Textbox("keep", label="Old", info="old info")
        go = gr.Button("Go")
        go.click(lambda: gr.update(label="New"), None, box)

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    box = client.get("textbox", label="New")
    assert box.props["value"] == "keep"
    assert box.props["info"] == "old info"


def test_component_return_is_an_update():
    with gr.Blocks() as demo:
        box = gr.Textbox("keep", label="Old", info="old info")
        go = gr.Button("Go")
        go.click(lambda: gr.Textbox(info="new info"), None, box)

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    box = client.get("textbox", label="Old")
    assert box.props["value"] == "keep"
    assert box.props["info"] == "new info"


def test_dict_return_and_skip():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0", label="A")
        b = gr.Textbox("b0", label="B")
        go = gr.Button("Go")
        go.click(lambda: {a: "a1"}, None, [a, b])
        stop = gr.Button("Skip")
        stop.click(lambda: (gr.skip(), "b2"), None, [a, b])

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    assert client.get("textbox", label="A").props["value"] == "a1"
    assert client.get("textbox", label="B").props["value"] == "b0"
    client.click(client.get("button", value="Skip"))
    assert client.get("textbox", label="A").props["value"] == "a1"
    assert client.get("textbox", label="B").props["value"] == "b2"


def test_then_and_success_chain():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="In")
        out = gr.Textbox(label="Out")
        log = []

        def first(value):
            if value == "bad":
                raise ValueError("bad")
            return value

        go = gr.Button("Go")
        step = go.click(first, text, out)
        step.then(lambda: log.append("then"))
        step.success(lambda: log.append("success"))

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    assert log == ["then", "success"]
    client.type(client.get("textbox", label="In"), "bad")
    client.click(client.get("button", value="Go"))
    assert log == ["then", "success", "then"]


def test_self_triggering_listener_stops():
    with gr.Blocks() as demo:
        count = gr.Slider(0, 10**9, value=0)
        count.change(lambda v: v + 1, count, count)
        go = gr.Button("Go")
        go.click(lambda: 1, None, count)

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    assert client.notices[-1].title == "Too many events"


def test_set_inputs_arrive_as_dict():
    with gr.Blocks() as demo:
        a = gr.Textbox("x", label="A")
        b = gr.Textbox("y", label="B")
        out = gr.Textbox(label="Out")
        go = gr.Button("Go")
        go.click(lambda data: data[a] + data[b], {a, b}, out)

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    assert client.get("textbox", label="Out").props["value"] == "xy"


def test_load_in_custom_triggers_renders_at_start():
    with gr.Blocks() as demo:
        text = gr.Textbox("ab", label="In")

        @gr.render(inputs=text, triggers=[demo.load, text.submit])
        def show(value):
            for letter in value:
                gr.Textbox(letter)

    client = TestClient(demo)
    assert len(client.find("textbox")) == 3


@pytest.mark.parametrize("value, interactive", [("", True), (None, True), ("text", False)])
def test_default_interactivity_from_value(value, interactive):
    with gr.Blocks() as demo:
        gr.Textbox(value, label="Box")

    client = TestClient(demo)
    assert client.get("textbox", label="Box").props["interactive"] is interactive


def test_listener_input_is_interactive():
    with gr.Blocks() as demo:
        box = gr.Textbox("text", label="Box")
        box.submit(lambda v: None, box, None)

    client = TestClient(demo)
    assert client.get("textbox", label="Box").props["interactive"] is True


def test_render_listener_input_is_interactive():
    """Inputs of listeners made inside a render count too (Gradio 6.31 misses this)."""
    with gr.Blocks() as demo:
        @gr.render()
        def show():
            volume = gr.Slider(0, 100, value=100, label="Volume")
            go = gr.Button("Go")
            go.click(lambda v: None, volume, None)

    client = TestClient(demo)
    assert client.get("slider").props["interactive"] is True


def test_explicit_interactive_wins():
    with gr.Blocks() as demo:
        box = gr.Textbox("", label="Box", interactive=False)
        box.submit(lambda v: None, box, None)

    client = TestClient(demo)
    assert client.get("textbox", label="Box").props["interactive"] is False


BAD_MESSAGES = [
    "not an object",
    None,
    [],
    {"type": "edit"},
    {"type": "edit", "id": True, "value": "x"},
    {"type": "edit", "id": 3},
    {"type": "event", "id": 3},
    {"type": "event", "id": 3, "name": "x" * 100},
    {"type": "event", "id": 3, "name": "click", "t": float("nan")},
    {"type": "event", "id": 3, "name": "click", "seq": -1},
    {"type": "explode", "id": 3},
    {"type": "event", "id": 999_999, "name": "click"},
]


@pytest.mark.parametrize("message", BAD_MESSAGES)
def test_malformed_message_is_dropped(message, caplog):
    demo, calls = counter_app()
    client = TestClient(demo)
    button = client.get("button", value="Add")
    with caplog.at_level(logging.INFO, logger="lite"):
        client.send([message, client.event_message(button, "click")])
    assert calls == [0]
    assert caplog.records, "a dropped message must be logged with its reason"


@pytest.mark.parametrize("kind, value", [
    ("textbox", 12),
    ("slider", "3"),
    ("slider", 500),
    ("radio", "not a choice"),
])
def test_invalid_edit_is_dropped(kind, value, caplog):
    with gr.Blocks() as demo:
        widgets = {
            "textbox": gr.Textbox("", label="W"),
            "slider": gr.Slider(0, 10, value=0, label="W"),
            "radio": gr.Radio(["a", "b"], value="a", label="W"),
        }
        gr.Button("Go").click(lambda *v: None, list(widgets.values()), None)

    client = TestClient(demo)
    node = client.get(kind, label="W")
    before = node.props["value"]
    with caplog.at_level(logging.WARNING, logger="lite"):
        client.send([{"type": "edit", "id": node.node_id, "value": value, "t": 1.0}])
    assert client.session.value(widgets[kind]) == before
    assert "Dropped an invalid edit" in caplog.text


def test_edit_of_read_only_component_is_dropped(caplog):
    with gr.Blocks() as demo:
        box = gr.Textbox("fixed", label="Box")

    client = TestClient(demo)
    node = client.get("textbox", label="Box")
    with caplog.at_level(logging.WARNING, logger="lite"):
        client.send([{"type": "edit", "id": node.node_id, "value": "changed"}])
    assert client.session.value(box) == "fixed"
    assert "not editable" in caplog.text


def test_listener_outside_blocks_is_rejected():
    button = gr.Button("Loose")
    with pytest.raises(ContextError, match="outside any Blocks"):
        button.click(lambda: None)


def test_generator_posts_each_step():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        def count():
            for word in ["one", "two", "three"]:
                yield word

        gr.Button("Go").click(count, None, out)

    client = TestClient(demo)
    first = len(client.patches)
    client.click(client.get("button", value="Go"))
    shown = [op["props"]["value"] for patch in client.patches[first:] for op in patch.ops]
    assert shown == ["one", "two", "three"]
    assert len(client.patches) - first == 3
    assert client.get("textbox", label="Out").props["value"] == "three"


def test_generator_error_keeps_last_good_value():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        def count():
            yield "one"
            raise RuntimeError("half-way")

        gr.Button("Go").click(count, None, out)

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    out = client.get("textbox", label="Out")
    assert out.props["value"] == "one"
    assert out.props["error"] == "RuntimeError: half-way"


def keyed_app(keyed: bool):
    with gr.Blocks() as demo:
        count = gr.Slider(1, 3, value=1, label="N")

        @gr.render(inputs=count)
        def rows(n):
            for i in range(n):
                box = gr.Textbox(label=f"Box {i}", key=f"box-{i}" if keyed else None)
                button = gr.Button(f"Fill {i}", key=f"fill-{i}" if keyed else None)
                button.click(lambda: "filled", None, box,
                             key=f"click-{i}" if keyed else None)

    return demo


def test_keyed_click_sent_before_rerender_still_lands():
    client = TestClient(keyed_app(keyed=True))
    early = client.event_message(client.get("button", value="Fill 0"), "click")
    client.set(client.get("slider"), 2)
    client.send([early])
    assert client.get("textbox", label="Box 0").props["value"] == "filled"


def test_unkeyed_click_sent_before_rerender_is_dropped():
    client = TestClient(keyed_app(keyed=False))
    early = client.event_message(client.get("button", value="Fill 0"), "click")
    client.set(client.get("slider"), 2)
    client.send([early])
    assert client.get("textbox", label="Box 0").props["value"] == ""


def test_interrupted_listener_keeps_session():
    """The worker stops runaway code by raising KeyboardInterrupt inside it."""
    with gr.Blocks() as demo:
        out = gr.Textbox("before", label="Out")
        seen = []

        def spin():
            raise KeyboardInterrupt

        gr.Button("Spin").click(spin, None, out)
        gr.Button("Ok").click(lambda: seen.append("ok") or "after", None, out)

    client = TestClient(demo)
    client.click(client.get("button", value="Spin"))
    assert client.notices[-1].title == "Stopped"
    assert client.get("textbox", label="Out").props["value"] == "before"
    client.click(client.get("button", value="Ok"))
    assert client.get("textbox", label="Out").props["value"] == "after"


def test_once_ignores_click_before_result_patch_however_late():
    """Pending means "the page has not shown the result yet", not a time window."""
    demo, calls = counter_app()
    client = TestClient(demo)
    button = client.get("button", value="Add")
    seen_seq = client.session.seq
    client.click(button)
    late = client.event_message(button, "click")
    late["seq"] = seen_seq
    late["t"] = 10**12
    client.send([late])
    assert calls == [0]
    client.click(button)
    assert calls == [0, 1]


def test_radio_accepts_choices_set_by_listener():
    with gr.Blocks() as demo:
        radio = gr.Radio(["a", "b"], value="a", label="Pick")
        gr.Button("More").click(lambda: gr.update(choices=["a", "b", "c"]), None, radio)
        radio.change(lambda value: None, radio, None)

    client = TestClient(demo)
    client.click(client.get("button", value="More"))
    client.set(client.get("radio", label="Pick"), "c")
    assert client.session.value(radio) == "c"


def test_missing_module_error_says_what_to_do():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        def use_missing():
            import lite_no_such_package  # noqa: F401

        gr.Button("Go").click(use_missing, None, out)

    client = TestClient(demo)
    client.click(client.get("button", value="Go"))
    message = client.notices[-1].message
    assert message.startswith("ModuleNotFoundError: No module named 'lite_no_such_package'")
    assert "Add lite_no_such_package to the app's requirements" in message
