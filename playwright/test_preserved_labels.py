"""The preserved-labels example (examples/preserved_labels.py), driven in Chromium.

Each row's textbox has ``preserved_by_key=["label", "value"]``. A label set by the
row's Change Label button and the typed text survive a re-render made by the
slider, while ``info`` goes back to "Default Info". The info line is the textbox's
accessible description.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

OpenApp = Callable[[str | Path], Page]

APP = "examples/preserved_labels.py"
RANDOM_LETTER = re.compile(r"^[A-E]$")


def row_boxes(page: Page) -> Locator:
    return page.get_by_role("textbox")


def row_box(page: Page, row: int) -> Locator:
    return row_boxes(page).nth(row)


def change_label(page: Page, row: int) -> tuple[str, str]:
    """Click Change Label in ``row``, wait for the new label, and return it and
    the new info."""
    page.get_by_role("button", name="Change Label").nth(row).click()
    box = row_box(page, row)
    expect(box).to_have_accessible_name(RANDOM_LETTER)
    expect(box).to_have_accessible_description(RANDOM_LETTER)
    label = box.evaluate("(element) => element.labels[0].textContent")
    info = box.evaluate(
        "(element) => document.getElementById("
        "element.getAttribute('aria-describedby')).textContent"
    )
    return label, info


def expect_row(page: Page, row: int, label: str, value: str) -> None:
    box = row_box(page, row)
    expect(box).to_have_accessible_name(label)
    expect(box).to_have_accessible_description("Default Info")
    expect(box).to_have_value(value)
    expect(box).to_be_editable()


def set_row_count(page: Page, count: int) -> None:
    """Move the slider with the arrow keys until it shows ``count``, and wait for
    the rows."""
    slider = page.get_by_role("slider", name="Number of Boxes")
    current = int(slider.input_value())
    slider.focus()
    key = "ArrowRight" if count > current else "ArrowLeft"
    for _ in range(abs(count - current)):
        page.keyboard.press(key)
    expect(slider).to_have_value(str(count))
    expect(row_boxes(page)).to_have_count(count)
    expect(page.get_by_role("button", name="Change Label")).to_have_count(count)


def test_preserved_labels_opens_with_three_rows(open_app: OpenApp) -> None:
    page = open_app(APP)

    expect(page.get_by_role("slider", name="Number of Boxes")).to_have_value("3")
    expect(row_boxes(page)).to_have_count(3)
    for row in range(3):
        expect_row(page, row, "Default Label", "")
    expect(page.get_by_text("Default Info", exact=True)).to_have_count(3)
    expect(page.get_by_role("button", name="Change Label")).to_have_count(3)


def test_preserved_labels_survive_rerender(open_app: OpenApp) -> None:
    page = open_app(APP)
    for row in range(3):
        row_box(page, row).click()
        page.keyboard.type(f"v{row}")

    label_0, info_0 = change_label(page, 0)
    expect(row_box(page, 0)).to_have_value("v0")
    expect_row(page, 1, "Default Label", "v1")
    label_2, info_2 = change_label(page, 2)
    expect(row_box(page, 2)).to_have_value("v2")
    assert RANDOM_LETTER.match(info_0)
    assert RANDOM_LETTER.match(info_2)

    for row in range(3):
        set_tag = "(element, row) => { element.liteTestTag = row; }"
        row_box(page, row).evaluate(set_tag, row)

    set_row_count(page, 5)
    for row in range(3):
        # Keyed rows keep their DOM elements across the re-render.
        assert row_box(page, row).evaluate("(element) => element.liteTestTag") == row
    expect_row(page, 0, label_0, "v0")
    expect_row(page, 1, "Default Label", "v1")
    expect_row(page, 2, label_2, "v2")
    expect_row(page, 3, "Default Label", "")
    expect_row(page, 4, "Default Label", "")
    expect(page.get_by_text("Default Info", exact=True)).to_have_count(5)

    set_row_count(page, 2)
    expect_row(page, 0, label_0, "v0")
    expect_row(page, 1, "Default Label", "v1")

    # Row 2 was removed, so it comes back with the constructor's props.
    set_row_count(page, 3)
    expect_row(page, 0, label_0, "v0")
    expect_row(page, 1, "Default Label", "v1")
    expect_row(page, 2, "Default Label", "")


def test_preserved_labels_new_run_buttons_work(open_app: OpenApp) -> None:
    """The Change Label listeners of a later run target that run's textboxes."""
    page = open_app(APP)
    set_row_count(page, 4)
    row_box(page, 1).click()
    page.keyboard.type("v1")

    label_1, _ = change_label(page, 1)
    expect(row_box(page, 1)).to_have_value("v1")
    row_box(page, 1).click()
    page.keyboard.press("End")
    page.keyboard.type("-edited")

    set_row_count(page, 2)
    expect_row(page, 0, "Default Label", "")
    expect_row(page, 1, label_1, "v1-edited")
