"""Events from components of an old render that reach the worker after a re-render.

The engine drops an event whose component a re-render replaced, and routes an event
of a keyed component to its new instance, whether the two events share a batch or
not. These tests send such events from the real page and compare the result with
the test client, which runs the same engine without a browser.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from conftest import OpenPage
from lite.page import PageNode
from lite.testing import TestClient
from page_state import add_box_state, expected_todo, todo_state
from spy import Console, count, open_spied, wait_until

ServeApp = Callable[[str | Path], str]
RecordProperty = Callable[[str, Any], None]

REPO = Path(__file__).resolve().parent.parent
TODO = REPO / "examples" / "todo_list.py"
ADD_BOX = REPO / "examples" / "add_box_merge.py"
RACE_CLICKS = count("race_clicks", 200)
SEED = 20261204

CLICK_IN_ROW = """([row, caption]) => {
  const rows = [...document.querySelectorAll("lite-app .lite-row")];
  [...rows[row].querySelectorAll("button")].find((b) => b.textContent === caption).click();
}"""


def button_in(node: PageNode, caption: str) -> PageNode:
    (found,) = [n for n in node.walk() if n.kind == "button" and n.props["value"] == caption]
    return found


def client_todo_state(client: TestClient) -> dict[str, Any]:
    """Return what the test client's to-do page shows, in the shape of todo_state()."""
    render = client.get("render")
    headings = [n.props["value"].removeprefix("### ") for n in render.children
                if n.kind == "markdown"]
    incomplete = [row.children[0].props["value"] for row in client.find("row")]
    complete = [n.props["value"] for n in render.children if n.kind == "textbox"]
    return {"headings": headings, "incomplete": incomplete, "complete": complete}


def add_task(page: Page, name: str) -> None:
    field = page.get_by_label("Task Name")
    field.fill(name)
    field.press("Enter")
    expect(field).to_have_value("")


def todo_client(names: list[str]) -> TestClient:
    client = TestClient(str(TODO))
    box = client.get("textbox", label="Task Name")
    for name in names:
        client.type(box, name)
        client.submit(box)
    return client


def expected_done_and_delete(together: bool) -> dict[str, Any]:
    """Click Done in row 0 and Delete in row 1, both sent before either re-render."""
    client = todo_client(["A", "B", "C"])
    rows = client.find("row")
    messages = [client.event_message(button_in(rows[0], "Done"), "click"),
                client.event_message(button_in(rows[1], "Delete"), "click")]
    if together:
        client.send(messages)
    else:
        client.send(messages[:1])
        client.send(messages[1:])
    return client_todo_state(client)


def test_done_and_delete_in_one_task(open_page: OpenPage, serve_app: ServeApp) -> None:
    page = open_spied(open_page, serve_app(TODO))
    console = Console(page)
    for name in ["A", "B", "C"]:
        add_task(page, name)
    wait_until(lambda: todo_state(page)["incomplete"], ["A", "B", "C"])

    expected = expected_done_and_delete(together=True)
    # One batch or two, the engine gives the same result, so the test does not
    # depend on how the worker happened to batch the two clicks.
    assert expected_done_and_delete(together=False) == expected
    assert expected == expected_todo([{"name": "B", "complete": False},
                                      {"name": "C", "complete": False},
                                      {"name": "A", "complete": True}])
    page.evaluate(f"() => {{ const click = {CLICK_IN_ROW}; "
                  "click([0, 'Done']); click([1, 'Delete']); }")
    wait_until(lambda: todo_state(page), expected)
    add_task(page, "D")
    wait_until(lambda: todo_state(page)["incomplete"], ["B", "C", "D"])
    assert console.matching("[lite] ERROR") == []
    assert console.matching("the engine failed") == []


def expected_add_box_then_type() -> dict[str, Any]:
    client = TestClient(str(ADD_BOX))
    add = client.get("button", value="Add Box")
    box = client.get("textbox", label="Box 0")
    client.send([client.event_message(add, "click"), client.edit_message(box, "kept")])
    client.click(client.get("button", value="Merge"))
    boxes = [n for n in client.find("textbox") if n.props["label"].startswith("Box ")]
    return {"labels": [n.props["label"] for n in boxes],
            "values": [n.props["value"] for n in boxes],
            "merged": client.get("textbox", label="Merged Output").props["value"]}


def test_keyed_box_edit_after_rerender(open_page: OpenPage, serve_app: ServeApp) -> None:
    """An edit of keyed Box 0 sent before the Add Box re-render reaches the new Box 0."""
    page = open_spied(open_page, serve_app(ADD_BOX))
    expected = expected_add_box_then_type()
    assert expected == {"labels": ["Box 0", "Box 1"], "values": ["kept", ""],
                        "merged": "kept "}
    page.evaluate("""() => {
      const button = [...document.querySelectorAll("lite-app button")]
        .find((b) => b.textContent === "Add Box");
      const field = [...document.querySelectorAll("lite-app label")]
        .find((label) => label.textContent === "Box 0").control;
      button.click();
      field.value = "kept";
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }""")
    expect(page.get_by_label("Box 1", exact=True)).to_be_visible()
    page.get_by_role("button", name="Merge").click()
    wait_until(lambda: add_box_state(page), expected)


def test_stale_clicks_never_raise(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty
) -> None:
    """Bursts of Done and Delete clicks, most of them on rows a re-render replaces."""
    page = open_spied(open_page, serve_app(TODO))
    console = Console(page)
    rng = random.Random(SEED)
    added: list[str] = []
    clicks = 0
    while clicks < RACE_CLICKS:
        if len(todo_state(page)["incomplete"]) < 3:
            name = f"task {len(added)}"
            add_task(page, name)
            added.append(name)
            continue
        burst = [[rng.randrange(3), rng.choice(["Done", "Delete"])]
                 for _ in range(rng.randint(2, 6))]
        page.evaluate(
            f"""(burst) => {{ const click = {CLICK_IN_ROW};
              for (const target of burst) {{
                const rows = document.querySelectorAll("lite-app .lite-row");
                if (target[0] < rows.length) click(target);
              }} }}""",
            burst,
        )
        clicks += len(burst)
    record_property("clicks", clicks)
    record_property("seed", SEED)

    add_task(page, "final")
    wait_until(lambda: "final" in todo_state(page)["incomplete"], True)
    state = todo_state(page)
    shown = state["incomplete"] + state["complete"]
    assert len(shown) == len(set(shown))
    assert set(shown) <= {*added, "final"}
    assert state["headings"] == [f"Incomplete Tasks ({len(state['incomplete'])})",
                                 f"Complete Tasks ({len(state['complete'])})"]
    assert console.matching("[lite] ERROR") == []
    assert console.matching("the engine failed") == []
    assert console.matching("Internal error") == []
