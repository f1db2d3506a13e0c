"""The Add Box + Merge example (examples/add_box_merge.py), driven in Chromium.

The boxes have ``key=i``, so a re-render keeps their text and their DOM elements.
Identity is checked by setting a JS property on each box's field before a re-render
and reading it back afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

OpenApp = Callable[[str | Path], Page]

APP = "examples/add_box_merge.py"


def box(page: Page, number: int) -> Locator:
    return page.get_by_label(f"Box {number}", exact=True)


def boxes(page: Page) -> Locator:
    return page.get_by_label("Box ")


def add_box(page: Page, new_count: int) -> None:
    """Click Add Box and wait until ``new_count`` boxes are shown."""
    page.get_by_role("button", name="Add Box").click()
    expect(box(page, new_count - 1)).to_be_visible()
    expect(boxes(page)).to_have_count(new_count)


def tag(field: Locator, name: str) -> None:
    """Set a JS property on ``field``'s element, to find the same element later."""
    field.evaluate("(element, name) => { element.liteTestTag = name; }", name)


def tag_of(field: Locator) -> str | None:
    return field.evaluate("(element) => element.liteTestTag ?? null")


def top(locator: Locator) -> float:
    bounds = locator.bounding_box()
    assert bounds is not None, f"{locator} is not shown"
    return bounds["y"]


def test_add_box_layout_at_open(open_app: OpenApp) -> None:
    page = open_app(APP)
    add = page.get_by_role("button", name="Add Box")
    merge = page.get_by_role("button", name="Merge", exact=True)
    output = page.get_by_label("Merged Output")

    expect(boxes(page)).to_have_count(1)
    expect(box(page, 0)).to_have_value("")
    expect(box(page, 0)).to_be_editable()
    expect(output).to_have_value("")
    expect(output).to_be_editable()
    assert top(add) < top(box(page, 0))
    assert top(box(page, 0)) < top(merge)
    assert top(merge) < top(output)


def test_add_box_keeps_values_and_elements(open_app: OpenApp) -> None:
    page = open_app(APP)
    merge = page.get_by_role("button", name="Merge", exact=True)
    output = page.get_by_label("Merged Output")
    for count in (2, 3, 4):
        add_box(page, count)
    for number, text in enumerate(["hello", "world", "", "x"]):
        box(page, number).click()
        page.keyboard.type(text)
    for number in range(4):
        tag(box(page, number), f"box {number}")

    merge.click()
    expect(output).to_have_value("hello world  x")

    add_box(page, 5)
    for number, text in enumerate(["hello", "world", "", "x", ""]):
        expect(box(page, number)).to_have_value(text)
        expect(box(page, number)).to_be_editable()
    for number in range(4):
        assert tag_of(box(page, number)) == f"box {number}"
    assert tag_of(box(page, 4)) is None
    assert top(box(page, 4)) < top(merge)

    merge.click()
    expect(output).to_have_value("hello world  x ")


def test_add_box_burst_of_clicks_adds_one(open_app: OpenApp) -> None:
    """Ten clicks in one JS task arrive while the first is running, and a click
    listener's default trigger mode "once" drops them."""
    page = open_app(APP)
    box(page, 0).fill("a")

    page.get_by_role("button", name="Add Box").evaluate(
        "(button) => { for (let i = 0; i < 10; i++) button.click(); }"
    )
    expect(box(page, 1)).to_be_visible()
    page.get_by_role("button", name="Merge", exact=True).click()

    # Merge runs after every queued click, so its output shows how many boxes the
    # app has. Each extra box would add one more space.
    expect(page.get_by_label("Merged Output")).to_have_value("a ")
    assert boxes(page).count() == 2
    expect(box(page, 0)).to_have_value("a")


def test_add_box_clicks_in_slow_task_add_one(open_app: OpenApp) -> None:
    """A busy main thread can finish one task's clicks after the app has already
    run the first one. The page has not shown that run's result yet, so the
    later clicks were still made while the event was pending and must be dropped.
    The 500 ms loop simulates a page slowed down by a busy machine."""
    page = open_app(APP)
    box(page, 0).fill("a")

    page.get_by_role("button", name="Add Box").evaluate(
        """(button) => {
          button.click();
          const end = performance.now() + 500;
          while (performance.now() < end) {}
          for (let i = 0; i < 9; i++) button.click();
        }"""
    )
    expect(box(page, 1)).to_be_visible()
    page.get_by_role("button", name="Merge", exact=True).click()

    expect(page.get_by_label("Merged Output")).to_have_value("a ")
    assert boxes(page).count() == 2


def test_add_box_reload_resets(open_app: OpenApp) -> None:
    page = open_app(APP)
    add_box(page, 2)
    box(page, 1).fill("kept until reload")
    page.get_by_role("button", name="Merge", exact=True).click()
    expect(page.get_by_label("Merged Output")).to_have_value(" kept until reload")

    page.reload()

    expect(page.locator("lite-app")).to_have_attribute(
        "data-state", "ready", timeout=60_000
    )
    expect(boxes(page)).to_have_count(1)
    expect(box(page, 0)).to_have_value("")
    expect(page.get_by_label("Merged Output")).to_have_value("")
