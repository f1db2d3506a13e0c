"""The to-do list example (examples/todo_list.py), driven in Chromium as a person would.

The rows' textboxes have no visible label, so tests find them by role: each is a
textbox whose accessible name is Gradio's default label "Textbox".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

OpenApp = Callable[[str | Path], Page]

APP = "examples/todo_list.py"


def task_boxes(page: Page) -> Locator:
    """Return the textboxes of the task rows, incomplete ones first."""
    return page.get_by_role("textbox", name="Textbox", exact=True)


def reading_order(page: Page) -> list[str]:
    """Return headings, task names and button captions in document order."""
    elements = (
        page.get_by_role("heading")
        .or_(task_boxes(page))
        .or_(page.get_by_role("button"))
    )
    return elements.evaluate_all(
        """(elements) => elements.map((element) => element.matches("input, textarea")
          ? element.value
          : element.textContent.trim())"""
    )


def expect_counts(page: Page, incomplete: int, complete: int) -> None:
    """Wait until the two headings show these counts, and check there are no others."""
    headings = page.get_by_role("heading", level=3)
    expect(headings).to_have_text(
        [f"Incomplete Tasks ({incomplete})", f"Complete Tasks ({complete})"]
    )


def width(locator: Locator) -> float:
    """Return the rendered width of ``locator``. Visually hidden text is 1 px wide."""
    bounds = locator.bounding_box()
    assert bounds is not None, f"{locator} is not in the layout"
    return bounds["width"]


def background_rgb(button: Locator) -> tuple[int, ...]:
    """Return a button's computed background colour as (red, green, blue)."""
    colour = button.evaluate("(element) => getComputedStyle(element).backgroundColor")
    channels = colour[colour.index("(") + 1 : colour.index(")")].split(",")
    return tuple(int(float(channel)) for channel in channels[:3])


def add_task(page: Page, name: str) -> None:
    """Type ``name`` into the focused Task Name box and press Enter."""
    page.keyboard.type(name)
    page.keyboard.press("Enter")


def test_todo_opens_focused_and_empty(open_app: OpenApp) -> None:
    page = open_app(APP)

    task_name = page.get_by_label("Task Name")
    expect(task_name).to_have_value("")
    expect(task_name).to_be_focused()
    expect(task_name).to_be_editable()
    expect_counts(page, 0, 0)
    expect(task_boxes(page)).to_have_count(0)
    expect(page.get_by_role("button")).to_have_count(0)


def test_todo_add_done_delete(open_app: OpenApp) -> None:
    page = open_app(APP)
    task_name = page.get_by_label("Task Name")

    # Task Name has focus at load, so typing needs no click first.
    add_task(page, "Buy milk")
    expect_counts(page, 1, 0)
    expect(task_name).to_have_value("")
    expect(task_name).to_be_focused()

    add_task(page, "Walk dog")
    expect_counts(page, 2, 0)
    add_task(page, "Write code")
    expect_counts(page, 3, 0)
    assert reading_order(page) == [
        "Incomplete Tasks (3)",
        "Buy milk", "Done", "Delete",
        "Walk dog", "Done", "Delete",
        "Write code", "Done", "Delete",
        "Complete Tasks (0)",
    ]
    for position in range(3):
        expect(task_boxes(page).nth(position)).not_to_be_editable()
        label = page.get_by_text("Textbox", exact=True).nth(position)
        assert width(label) <= 1, "a task row shows a label"
    delete_colour = background_rgb(page.get_by_role("button", name="Delete").first)
    done_colour = background_rgb(page.get_by_role("button", name="Done").first)
    red, green, blue = delete_colour
    assert red - green > 60, f"Delete is not red: rgb{delete_colour}"
    assert red - blue > 60, f"Delete is not red: rgb{delete_colour}"
    assert done_colour != delete_colour

    page.get_by_role("button", name="Done").nth(1).click()
    expect_counts(page, 2, 1)
    assert reading_order(page) == [
        "Incomplete Tasks (2)",
        "Buy milk", "Done", "Delete",
        "Write code", "Done", "Delete",
        "Complete Tasks (1)",
        "Walk dog",
    ]

    page.get_by_role("button", name="Delete").first.click()
    expect_counts(page, 1, 1)
    assert reading_order(page) == [
        "Incomplete Tasks (1)",
        "Write code", "Done", "Delete",
        "Complete Tasks (1)",
        "Walk dog",
    ]
    expect(task_boxes(page).nth(0)).not_to_be_editable()
    expect(task_boxes(page).nth(1)).not_to_be_editable()


def test_todo_double_click_done_moves_one_task(open_app: OpenApp) -> None:
    """The second click of a double-click reaches the row only after the first has
    re-rendered the list, so it must not mark the task that took the row's place."""
    page = open_app(APP)
    for count, name in enumerate(("Write code", "Walk dog", "Buy milk"), start=1):
        add_task(page, name)
        expect_counts(page, count, 0)

    page.get_by_role("button", name="Done").first.dblclick()

    expect_counts(page, 2, 1)
    # Nothing more is expected, so add a task and wait for it before reading the rows.
    page.get_by_label("Task Name").click()
    add_task(page, "last")
    expect_counts(page, 3, 1)
    assert reading_order(page) == [
        "Incomplete Tasks (3)",
        "Walk dog", "Done", "Delete",
        "Buy milk", "Done", "Delete",
        "last", "Done", "Delete",
        "Complete Tasks (1)",
        "Write code",
    ]


def test_todo_row_text_cannot_be_typed_over(open_app: OpenApp) -> None:
    page = open_app(APP)
    add_task(page, "Buy milk")
    expect_counts(page, 1, 0)

    row_box = task_boxes(page).first
    row_box.click()
    page.keyboard.type("xyz")

    expect(row_box).to_have_value("Buy milk")


def test_todo_empty_name_row_is_editable(open_app: OpenApp) -> None:
    """A task added with no name is a row whose textbox has an empty value, and
    Gradio makes a component with an empty value editable."""
    page = open_app(APP)

    page.get_by_label("Task Name").press("Enter")

    expect_counts(page, 1, 0)
    row_box = task_boxes(page).first
    expect(row_box).to_have_value("")
    expect(row_box).to_be_editable()
    row_box.click()
    page.keyboard.type("typed later")
    expect(row_box).to_have_value("typed later")


def test_todo_markup_name_shown_as_text(open_app: OpenApp) -> None:
    page = open_app(APP)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    name = "<img src=x onerror=alert(1)>"

    add_task(page, name)
    expect_counts(page, 1, 0)
    add_task(page, "after")
    expect_counts(page, 2, 0)

    expect(task_boxes(page).first).to_have_value(name)
    expect(page.locator("lite-app img")).to_have_count(0)
    assert dialogs == []


def test_todo_reload_resets(open_app: OpenApp) -> None:
    page = open_app(APP)
    add_task(page, "Buy milk")
    expect_counts(page, 1, 0)
    add_task(page, "Walk dog")
    expect_counts(page, 2, 0)
    page.get_by_role("button", name="Done").first.click()
    expect_counts(page, 1, 1)

    page.reload()

    expect(page.locator("lite-app")).to_have_attribute(
        "data-state", "ready", timeout=60_000
    )
    expect_counts(page, 0, 0)
    expect(task_boxes(page)).to_have_count(0)
    expect(page.get_by_label("Task Name")).to_have_value("")
    expect(page.get_by_label("Task Name")).to_be_focused()
