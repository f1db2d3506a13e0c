"""The split-letters example (examples/split_letters.py), driven in Chromium.

Every edit of the input re-renders one read-only textbox per code point, labelled
with Gradio's default label "Textbox".
"""

from __future__ import annotations

import string
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

OpenApp = Callable[[str | Path], Page]

APP = "examples/split_letters.py"
NO_INPUT = "No Input Provided"


def letter_boxes(page: Page) -> Locator:
    return page.get_by_role("textbox", name="Textbox", exact=True)


def width(locator: Locator) -> float:
    bounds = locator.bounding_box()
    assert bounds is not None, f"{locator} is not shown"
    return bounds["width"]


def expect_letters(page: Page, letters: list[str]) -> None:
    """Wait until the letter boxes show ``letters``, in order."""
    boxes = letter_boxes(page)
    expect(boxes).to_have_count(len(letters))
    for position, letter in enumerate(letters):
        expect(boxes.nth(position)).to_have_value(letter)


def test_split_opens_with_heading(open_app: OpenApp) -> None:
    page = open_app(APP)

    expect(page.get_by_label("input")).to_have_value("")
    expect(page.get_by_role("heading", level=2, name=NO_INPUT)).to_be_visible()
    expect(page.get_by_role("textbox")).to_have_count(1)


def test_split_typing_enter_and_clearing(open_app: OpenApp) -> None:
    page = open_app(APP)
    field = page.get_by_label("input")
    heading = page.get_by_role("heading", name=NO_INPUT)

    field.press_sequentially("abc", delay=150)

    expect_letters(page, ["a", "b", "c"])
    expect(heading).to_have_count(0)
    boxes = letter_boxes(page)
    for position in range(3):
        expect(boxes.nth(position)).not_to_be_editable()
    labels = page.get_by_text("Textbox", exact=True)
    expect(labels).to_have_count(3)
    for position in range(3):
        expect(labels.nth(position)).to_be_visible()
        assert width(labels.nth(position)) > 10, "the letter box's label is not shown"

    # Enter neither inserts a newline nor changes the letters. The next key
    # shows that the input still contains exactly "abc".
    field.press("Enter")
    expect_letters(page, ["a", "b", "c"])
    field.press("d")
    expect(field).to_have_value("abcd")
    expect_letters(page, ["a", "b", "c", "d"])

    field.press("Control+a")
    field.press("Backspace")

    expect(heading).to_be_visible()
    expect(letter_boxes(page)).to_have_count(0)
    expect(field).to_have_value("")


def test_split_by_code_point(open_app: OpenApp) -> None:
    page = open_app(APP)
    field = page.get_by_label("input")

    field.fill("a👍🏽🇫🇷e\u0301")

    expect_letters(page, ["a", "👍", "🏽", "🇫", "🇷", "e", "\u0301"])


def test_split_500_letters(open_app: OpenApp) -> None:
    page = open_app(APP)
    text = (string.ascii_lowercase * 20)[:500]

    page.get_by_label("input").fill(text)

    boxes = letter_boxes(page)
    expect(boxes).to_have_count(500, timeout=20_000)
    values = boxes.evaluate_all("(elements) => elements.map((e) => e.value)")
    assert "".join(values) == text
    assert len(values) == 500
    read_only = boxes.evaluate_all(
        "(elements) => elements.filter((e) => e.readOnly).length"
    )
    assert read_only == 500


def test_split_fast_typing_ends_on_last_text(open_app: OpenApp) -> None:
    """Renders may be skipped while keys arrive, but the last shows the whole text."""
    page = open_app(APP)
    field = page.get_by_label("input")
    field.focus()

    page.keyboard.type("thequickbrownfox", delay=0)

    expect(field).to_have_value("thequickbrownfox")
    expect_letters(page, list("thequickbrownfox"))
