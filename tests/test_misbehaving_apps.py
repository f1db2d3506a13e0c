"""The engine keeps a session working when an app misbehaves or a batch is garbage."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lite as gr
from lite.bridge import Bridge
from lite.session import Session
from lite.testing import TestClient

from helpers import EXAMPLES

FUZZ_EXAMPLES = 200


class FakeBuffer:
    """A stand-in for the Uint8Array proxies that the worker passes to receive()."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def to_bytes(self) -> bytes:
        return self.data


def connect(app: Any) -> tuple[TestClient, Bridge, list[dict[str, Any]]]:
    """Return a client for ``app``, a bridge on its session and the posted messages."""
    client = TestClient(app, check=False)
    posted: list[dict[str, Any]] = []
    bridge = Bridge(client.session, lambda text, buffers: posted.append(json.loads(text)))
    return client, bridge, posted


def todo() -> tuple[TestClient, Bridge, list[dict[str, Any]]]:
    return connect(str(EXAMPLES / "todo_list.py"))


def add_task_works(client: TestClient, bridge: Bridge, posted: list[dict[str, Any]]) -> bool:
    """Add a task through the bridge and return whether the page would show it."""
    box = client.get("textbox", label="Task Name")
    batch = [client.edit_message(box, "after"), client.event_message(box, "submit")]
    bridge.receive(json.dumps(batch), [])
    client.page.apply(posted[-1]["ops"])
    tasks = [node.props["value"] for node in client.find("textbox", show_label=False)]
    return "after" in tasks


@pytest.mark.parametrize("reference", ['"a"', "-1", "true", "0", "1.5", "null", "[0]"])
def test_invalid_buffer_reference_dropped(reference, caplog):
    client, bridge, posted = todo()
    box = client.get("textbox", label="Task Name")
    text = f'[{{"type": "edit", "id": {box.node_id}, "value": {{"$buffer": {reference}}}}}]'
    with caplog.at_level(logging.WARNING, logger="lite"):
        bridge.receive(text, [])
    assert posted == []
    assert "Dropped a malformed batch" in caplog.text
    assert "invalid buffer reference" in caplog.text
    assert add_task_works(client, bridge, posted)


def test_valid_buffer_reference_resolves():
    with gr.Blocks() as demo:
        audio = gr.Audio(label="In", type="filepath")
        out = gr.Textbox(label="Out")
        audio.change(lambda path: "got audio" if path else "none", audio, out)

    client, bridge, posted = connect(demo)
    node = client.get("audio")
    value = {"sample_rate": 8000, "channels": 1, "pcm": {"$buffer": 0}}
    message = {"type": "edit", "id": node.node_id, "value": value, "seq": client.session.seq}
    bridge.receive(json.dumps([message]), [FakeBuffer(b"\0\0" * 80)])
    assert posted[-1]["type"] == "patch"
    assert {"op": "update", "id": client.get("textbox").node_id,
            "props": {"value": "got audio"}} in posted[-1]["ops"]


@pytest.mark.skipif(sys.platform == "emscripten", reason=(
    "json.loads overflows the WebAssembly stack before it raises RecursionError; "
    "the worker rejects messages nested deeper than 32 levels before the engine "
    "sees them"))
def test_deeply_nested_batch_dropped(caplog):
    client, bridge, posted = todo()
    with caplog.at_level(logging.WARNING, logger="lite"):
        bridge.receive("[" * 100_000 + "]" * 100_000, [])
    assert posted == []
    assert "Dropped a malformed batch" in caplog.text
    assert add_task_works(client, bridge, posted)


def test_stop_outside_listener_keeps_session(monkeypatch, caplog):
    """A KeyboardInterrupt that lands in the engine's own code is a stop, not a crash."""
    client, bridge, posted = todo()
    handle = Session.handle

    def interrupted(self: Session, messages: list[Any]) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(Session, "handle", interrupted)
    with caplog.at_level(logging.WARNING, logger="lite"):
        bridge.receive("[]", [])
    assert posted[-1]["type"] == "patch"
    assert [notice["title"] for notice in posted[-1]["notices"]] == ["Stopped"]
    assert "Stopped while handling 0 messages" in caplog.text
    monkeypatch.setattr(Session, "handle", handle)
    assert add_task_works(client, bridge, posted)


def test_unencodable_prop_sent_as_text(caplog):
    """A prop the app set to an arbitrary object still reaches the page, as text."""

    class Thing:
        def __str__(self) -> str:
            return "a thing"

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("Relabel").click(lambda: gr.update(label=Thing(), value="x"), None, out)

    client, bridge, posted = connect(demo)
    button = client.get("button", value="Relabel")
    with caplog.at_level(logging.WARNING, logger="lite"):
        bridge.receive(json.dumps([client.event_message(button, "click")]), [])
    ops = posted[-1]["ops"]
    assert ops == [{"op": "update", "id": client.get("textbox").node_id,
                    "props": {"label": "a thing", "value": "x"}}]
    assert "Sent a Thing to the page as its text" in caplog.text


def test_broken_str_sent_as_repr():
    class Broken:
        def __str__(self) -> str:
            raise RuntimeError("no text")

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("Relabel").click(lambda: gr.update(label=Broken()), None, out)

    client, bridge, posted = connect(demo)
    bridge.receive(json.dumps([client.event_message(client.get("button"), "click")]), [])
    label = posted[-1]["ops"][0]["props"]["label"]
    assert label.startswith("<")
    assert "Broken object at" in label


buffer_refs = st.fixed_dictionaries(
    {"$buffer": st.integers(-3, 5) | st.booleans() | st.text(max_size=3) | st.none()})
fuzz_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | buffer_refs,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["type", "id", "value", "name", "seq", "$buffer"]),
                      inner, max_size=4),
    max_leaves=10,
)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(fuzz_values, max_size=6), count=st.integers(0, 3))
def test_fuzzed_buffer_batches_never_raise(batch, count):
    client, bridge, posted = todo()
    bridge.receive(json.dumps(batch), [FakeBuffer(b"ab")] * count)
    assert all(message["type"] == "patch" for message in posted)


def test_sys_exit_in_listener_is_error():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("Quit").click(lambda: exit(), None, out)

    client = TestClient(demo)
    client.click(client.get("button", value="Quit"))
    assert [notice.title for notice in client.notices] == ["Error"]
    assert client.notices[0].message == "SystemExit: None"
    assert client.get("textbox").props["error"] == "SystemExit: None"


def test_once_listener_runs_after_sys_exit():
    """A `once` listener whose run raised SystemExit still takes the next click."""
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        runs: list[int] = []

        def run_once_then_exit() -> str:
            runs.append(1)
            if len(runs) == 1:
                raise SystemExit(1)
            return f"run {len(runs)}"

        gr.Button("Go").click(run_once_then_exit, None, out)

    client = TestClient(demo)
    button = client.get("button", value="Go")
    client.click(button)
    assert client.notices[-1].message == "SystemExit: 1"
    client.click(button)
    assert client.get("textbox").props["value"] == "run 2"


def test_sys_exit_in_render_keeps_output():
    with gr.Blocks() as demo:
        box = gr.Textbox(label="In")

        @gr.render(inputs=box)
        def show(text: str) -> None:
            if text == "exit":
                raise SystemExit
            gr.Markdown(f"shown: {text}")

    client = TestClient(demo)
    client.type(client.get("textbox"), "a")
    assert client.get("markdown").props["value"] == "shown: a"
    client.type(client.get("textbox"), "exit")
    assert client.get("markdown").props["value"] == "shown: a"
    assert client.notices[-1].message == "SystemExit: "
    client.type(client.get("textbox"), "b")
    assert client.get("markdown").props["value"] == "shown: b"


def test_failed_batch_leaves_once_listener_free(monkeypatch):
    """An engine failure in a batch must not leave the `once` listener that ran pending."""
    client, bridge, posted = todo()
    box = client.get("textbox", label="Task Name")
    flush = Session.flush
    failures = iter([True])

    def failing_flush(self: Session) -> Any:
        if next(failures, False):
            raise RuntimeError("engine bug")
        return flush(self)

    monkeypatch.setattr(Session, "flush", failing_flush)
    batch = [client.edit_message(box, "first"), client.event_message(box, "submit")]
    bridge.receive(json.dumps(batch), [])
    assert posted[-1]["notices"][0]["title"] == "Internal error"
    client.page.apply(posted[-1]["ops"])
    assert add_task_works(client, bridge, posted)
