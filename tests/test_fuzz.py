"""Fuzzing the message handler: no page message may break a session."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lite.bridge import Bridge
from lite.session import Session
from lite.testing import TestClient

from helpers import EXAMPLES

FUZZ_EXAMPLES = 300

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def messages(node_ids: list[int]):
    ids = st.sampled_from(node_ids) | st.integers(-5, 10**6) | json_values
    fields = st.fixed_dictionaries(
        {"type": st.sampled_from(["edit", "event", "init", "", 7]), "id": ids},
        optional={
            "value": json_values,
            "name": st.sampled_from(["click", "submit", "change", "load", "focus", "then"])
            | st.text(max_size=80),
            "t": st.floats() | st.none() | st.text(max_size=3),
            "seq": st.integers(-3, 10**9) | st.none() | st.booleans(),
        },
    )
    return fields | json_values


def fresh_todo() -> TestClient:
    return TestClient(str(EXAMPLES / "todo_list.py"), check=False)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzzed_batches_never_break_session(data):
    client = fresh_todo()
    node_ids = list(client.page.nodes)
    batch = data.draw(st.lists(messages(node_ids), max_size=8))
    client.session.handle(batch)
    box = client.get("textbox", label="Task Name")
    client.type(box, "after fuzz")
    client.submit(box)
    assert "after fuzz" in [n.props["value"] for n in client.find("textbox")]


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(st.text(max_size=200) | json_values.map(json.dumps))
def test_fuzzed_json_text_never_raises(text):
    posted = []
    client = fresh_todo()
    bridge = Bridge(client.session, lambda message, buffers: posted.append(message))
    bridge.receive(text, [])
    for message in posted:
        assert json.loads(message)["type"] == "patch"


def test_bridge_posts_patch_for_valid_batch():
    posted = []
    client = fresh_todo()
    bridge = Bridge(client.session, lambda message, buffers: posted.append(message))
    box = client.get("textbox", label="Task Name")
    batch = [client.edit_message(box, "Buy milk"), client.event_message(box, "submit")]
    bridge.receive(json.dumps(batch), [])
    patch = json.loads(posted[-1])
    assert patch["type"] == "patch"
    assert any(op.get("props", {}).get("value") == "Buy milk" for op in patch["ops"])


def test_session_survives_engine_failure(monkeypatch):
    posted = []
    client = fresh_todo()
    bridge = Bridge(client.session, lambda message, buffers: posted.append(message))

    def broken(messages):
        raise RuntimeError("engine bug")

    monkeypatch.setattr(Session, "handle", lambda self, messages: broken(messages))
    bridge.receive("[]", [])
    notice = json.loads(posted[-1])["notices"][0]
    assert notice["title"] == "Internal error"
    assert "engine bug" in notice["message"]


def test_nan_output_reaches_page_as_null():
    import lite as gr

    with gr.Blocks() as demo:
        slider = gr.Slider(0, 10, value=1, label="S")
        gr.Button("Go").click(lambda: float("nan"), None, slider)

    posted = []
    client = TestClient(demo)
    bridge = Bridge(client.session, lambda message, buffers: posted.append(message))
    button = client.get("button", value="Go")
    bridge.receive(json.dumps([client.event_message(button, "click")]), [])
    ops = json.loads(posted[-1])["ops"]
    assert ops == [{"op": "update", "id": client.get("slider").node_id, "props": {"value": None}}]
