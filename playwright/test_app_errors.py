"""Listeners, renders and generators that raise: the error shows in the page and the
console, the components keep their last good state, and the next event works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from conftest import OpenPage
from spy import APPS, Console, open_spied

ServeApp = Callable[[str | Path], str]

APP = APPS / "errors.py"


def error_toast(page: Page, text: str) -> Locator:
    """Return the error toast that contains ``text``."""
    return page.get_by_role("alert").filter(has_text=text)


def echo(page: Page, text: str) -> None:
    page.get_by_label("Text").fill(text)
    page.get_by_role("button", name="Echo").click()


def test_listener_error_keeps_last_output(open_page: OpenPage, serve_app: ServeApp) -> None:
    page = open_spied(open_page, serve_app(APP))
    console = Console(page)
    out = page.get_by_label("Out")
    echo(page, "hello")
    expect(out).to_have_value("echo hello")

    echo(page, "boom")
    toast = error_toast(page, "ValueError: the listener failed on purpose")
    expect(toast).to_be_visible()
    expect(toast.get_by_text("Traceback", exact=True)).to_be_visible()
    badge = page.locator(".lite-textbox").filter(has=out).locator(".lite-error-badge")
    expect(badge).to_have_attribute("title", "ValueError: the listener failed on purpose")
    expect(out).to_have_value("echo hello")
    console.wait_for("[lite] ERROR ValueError raised in echo")

    echo(page, "again")
    expect(out).to_have_value("echo again")
    expect(badge).to_have_count(0)


def test_generator_error_keeps_last_step(open_page: OpenPage, serve_app: ServeApp) -> None:
    page = open_spied(open_page, serve_app(APP))
    console = Console(page)
    out = page.get_by_label("Out")
    out_id = int(out.evaluate("(field) => field.closest('[data-lite-id]').dataset.liteId"))
    page.evaluate("window.liteRecord = true")
    page.get_by_role("button", name="Count up").click()

    expect(error_toast(page, "RuntimeError: the generator failed at step 3")).to_be_visible()
    expect(out).to_have_value("step 2")
    console.wait_for("[lite] ERROR RuntimeError raised in count_up")
    shown = page.evaluate(
        """(id) => window.litePatches.flatMap((patch) => patch.ops)
          .filter((op) => op.id === id && op.props && "value" in op.props)
          .map((op) => op.props.value)""",
        out_id,
    )
    assert shown == ["step 1", "step 2"]

    echo(page, "after")
    expect(out).to_have_value("echo after")


def test_render_error_keeps_last_render(open_page: OpenPage, serve_app: ServeApp) -> None:
    page = open_spied(open_page, serve_app(APP))
    console = Console(page)
    source = page.get_by_label("Render input")
    letters = page.get_by_label("Letter")

    source.fill("abc")
    expect(letters).to_have_count(3)
    source.fill("boom")
    expect(error_toast(page, "KeyError: 'the render failed on purpose'")).to_be_visible()
    console.wait_for("[lite] ERROR KeyError raised in letters")
    expect(letters).to_have_count(3)
    assert letters.evaluate_all("(fields) => fields.map((field) => field.value)") == [
        "a", "b", "c"]

    source.fill("xy")
    expect(letters).to_have_count(2)
    echo(page, "still here")
    expect(page.get_by_label("Out")).to_have_value("echo still here")
