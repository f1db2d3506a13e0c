"""The submit-trigger example (examples/submit_trigger.py), driven in Chromium.

The render's only trigger is Enter in the input, so nothing is rendered at load and
typing or picking a mode shows nothing new until Enter is pressed. A check that
nothing changed has no update to wait for, so each such check is followed by an
Enter whose render shows what the app received.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

OpenApp = Callable[[str | Path], Page]

APP = "examples/submit_trigger.py"


def letter_boxes(page: Page) -> Locator:
    return page.get_by_role("textbox", name="Textbox", exact=True)


def expect_letter_boxes(page: Page, letters: list[str]) -> None:
    boxes = letter_boxes(page)
    expect(boxes).to_have_count(len(letters))
    for position, letter in enumerate(letters):
        expect(boxes.nth(position)).to_have_value(letter)
        expect(boxes.nth(position)).not_to_be_editable()


def expect_letter_buttons(page: Page, letters: list[str]) -> None:
    buttons = page.get_by_role("button")
    expect(buttons).to_have_text(letters)


def test_submit_nothing_rendered_until_enter(open_app: OpenApp) -> None:
    page = open_app(APP)
    field = page.get_by_label("input")

    expect(field).to_have_value("")
    expect(page.get_by_role("radio", name="textbox")).to_be_checked()
    expect(page.get_by_role("heading")).to_have_count(0)
    expect(page.get_by_role("textbox")).to_have_count(1)
    expect(page.get_by_role("button")).to_have_count(0)

    field.press_sequentially("abc")
    expect(field).to_have_value("abc")
    expect(page.get_by_role("textbox")).to_have_count(1)
    expect(page.get_by_role("heading")).to_have_count(0)

    field.press("Enter")
    expect_letter_boxes(page, ["a", "b", "c"])
    expect(page.get_by_role("button")).to_have_count(0)


def test_submit_mode_applies_on_enter(open_app: OpenApp) -> None:
    page = open_app(APP)
    field = page.get_by_label("input")
    field.press_sequentially("abc")
    field.press("Enter")
    expect_letter_boxes(page, ["a", "b", "c"])

    page.get_by_role("radio", name="button").check()
    expect(page.get_by_role("radio", name="button")).to_be_checked()
    # No update is expected here, so these checks cannot wait for one. The
    # Enter below shows that the pick did reach the app.
    field.press("d")
    expect(field).to_have_value("abcd")
    expect_letter_boxes(page, ["a", "b", "c"])
    expect(page.get_by_role("button")).to_have_count(0)

    field.press("Enter")
    expect_letter_buttons(page, ["a", "b", "c", "d"])
    expect(letter_boxes(page)).to_have_count(0)

    field.press("Backspace")
    field.press("Enter")
    expect_letter_buttons(page, ["a", "b", "c"])

    # Clearing without Enter leaves the old buttons, and Enter on "" shows the heading.
    field.press("Control+a")
    field.press("Backspace")
    expect(field).to_have_value("")
    expect_letter_buttons(page, ["a", "b", "c"])
    field.press("Enter")
    heading = page.get_by_role("heading", level=2, name="No Input Provided")
    expect(heading).to_be_visible()
    expect(page.get_by_role("button")).to_have_count(0)


def test_submit_generated_buttons_do_nothing(open_app: OpenApp) -> None:
    page = open_app(APP)
    field = page.get_by_label("input")
    page.get_by_role("radio", name="button").check()
    field.press_sequentially("xy")
    field.press("Enter")
    expect_letter_buttons(page, ["x", "y"])

    page.get_by_role("button", name="x", exact=True).click()
    page.get_by_role("button", name="y", exact=True).click()
    # The app handles messages in order, so once the render of this Enter
    # shows, any reply to the clicks has arrived too.
    field.press_sequentially("z")
    field.press("Enter")

    expect_letter_buttons(page, ["x", "y", "z"])
    expect(field).to_have_value("xyz")
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.get_by_text("Error", exact=True)).to_have_count(0)
