"""The to-do list example, driven through the engine as the page drives it."""

from __future__ import annotations

from helpers import button_in, values

from lite import State
from lite.testing import TestClient


def add(client: TestClient, *names: str) -> None:
    box = client.get("textbox", label="Task Name")
    for name in names:
        client.type(box, name)
        client.submit(box)


def headings(client: TestClient) -> list[str]:
    return values(client.find("markdown"))


def incomplete_names(client: TestClient) -> list[str]:
    return [row.children[0].props["value"] for row in client.find("row")]


def complete_names(client: TestClient) -> list[str]:
    render = client.get("render")
    return [n.props["value"] for n in render.children if n.kind == "textbox"]


def row_of(client: TestClient, position: int):
    return client.find("row")[position]


def test_todo_opens_empty(example):
    client = example("todo_list")
    assert headings(client) == ["### Incomplete Tasks (0)", "### Complete Tasks (0)"]
    box = client.get("textbox", label="Task Name")
    assert box.props["autofocus"] is True
    assert box.props["max_lines"] == 1
    assert box.props["interactive"] is True


def test_todo_add_clears_box(example):
    client = example("todo_list")
    add(client, "Buy milk")
    assert client.get("textbox", label="Task Name").props["value"] == ""
    assert headings(client) == ["### Incomplete Tasks (1)", "### Complete Tasks (0)"]
    assert incomplete_names(client) == ["Buy milk"]


def test_todo_rows_are_read_only_with_buttons(example):
    client = example("todo_list")
    add(client, "Buy milk")
    row = row_of(client, 0)
    name, done, delete = row.children
    assert name.props["interactive"] is False
    assert name.props["show_label"] is False
    assert (done.props["value"], done.props["variant"]) == ("Done", "secondary")
    assert (delete.props["value"], delete.props["variant"]) == ("Delete", "stop")
    assert done.props["events"] == ["click"]


def test_todo_keeps_insertion_order(example):
    client = example("todo_list")
    add(client, "Buy milk", "Walk dog", "Write code")
    assert incomplete_names(client) == ["Buy milk", "Walk dog", "Write code"]


def test_todo_done_moves_task(example):
    client = example("todo_list")
    add(client, "Buy milk", "Walk dog", "Write code")
    client.click(button_in(row_of(client, 1), "Done"))
    assert headings(client) == ["### Incomplete Tasks (2)", "### Complete Tasks (1)"]
    assert incomplete_names(client) == ["Buy milk", "Write code"]
    assert complete_names(client) == ["Walk dog"]


def test_todo_delete_first(example):
    client = example("todo_list")
    add(client, "Buy milk", "Walk dog", "Write code")
    client.click(button_in(row_of(client, 1), "Done"))
    client.click(button_in(row_of(client, 0), "Delete"))
    assert headings(client) == ["### Incomplete Tasks (1)", "### Complete Tasks (1)"]
    assert incomplete_names(client) == ["Write code"]
    assert complete_names(client) == ["Walk dog"]


def test_todo_delete_first_of_five(example):
    client = example("todo_list")
    add(client, "one", "two", "three", "four", "five")
    client.click(button_in(row_of(client, 0), "Delete"))
    assert incomplete_names(client) == ["two", "three", "four", "five"]
    assert headings(client)[0] == "### Incomplete Tasks (4)"


def test_todo_same_name_delete_removes_first_equal(example):
    """``list.remove`` drops the first equal task, so deleting the last A removes
    the first A: the app's own behaviour, the same in Gradio."""
    client = example("todo_list")
    add(client, "A", "B", "A")
    client.click(button_in(row_of(client, 2), "Delete"))
    assert incomplete_names(client) == ["B", "A"]


def test_todo_same_name_done_marks_the_clicked_one(example):
    client = example("todo_list")
    add(client, "A", "B", "A")
    client.click(button_in(row_of(client, 2), "Done"))
    assert incomplete_names(client) == ["A", "B"]
    assert complete_names(client) == ["A"]


def test_todo_empty_name_row_is_editable(example):
    client = example("todo_list")
    add(client, "")
    row = row_of(client, 0)
    assert row.children[0].props["value"] == ""
    assert row.children[0].props["interactive"] is True


def test_todo_unicode_name_verbatim(example):
    client = example("todo_list")
    add(client, "Café ☕ 日本")
    assert incomplete_names(client) == ["Café ☕ 日本"]


def test_todo_double_click_done_runs_once(example):
    client = example("todo_list")
    add(client, "Write code", "Other")
    done = button_in(row_of(client, 0), "Done")
    first = client.event_message(done, "click")
    second = client.event_message(done, "click")
    client.send([first, second])
    assert incomplete_names(client) == ["Other"]
    assert complete_names(client) == ["Write code"]


def test_todo_stale_click_after_rerender_is_dropped(example):
    """A click sent before the page applied a re-render targets the old row."""
    client = example("todo_list")
    add(client, "Write code", "Other")
    done = button_in(row_of(client, 0), "Done")
    stale = client.event_message(done, "click")
    client.click(done)
    client.send([stale])
    assert incomplete_names(client) == ["Other"]
    assert complete_names(client) == ["Write code"]


def test_todo_one_done_in_many_is_a_small_patch(example):
    client = example("todo_list")
    add(client, *[f"task {i}" for i in range(200)])
    patch = client.click(button_in(row_of(client, 100), "Done"))
    kinds = sorted(op["op"] for op in patch.ops)
    assert kinds == ["create", "remove", "update", "update"]


def test_todo_states_are_per_session(example):
    first = example("todo_list")
    second = TestClient(first.session.app)
    add(first, "mine")
    assert incomplete_names(second) == []
    tasks = next(b for b in first.session.app.static_blocks.values() if isinstance(b, State))
    assert first.value(tasks) == [{"name": "mine", "complete": False}]
    assert second.value(tasks) == []
