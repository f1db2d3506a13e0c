"""Python that never returns: the page stays responsive, shows that the app is busy
and stops it.

On a cross-origin isolated page (as ``lite serve`` and the fixtures serve it), Stop
interrupts Python and the session goes on. Where the interrupt cannot reach (code
in C, such as ``time.sleep``) or the page is not isolated, Stop restarts the worker
and puts back what the user had entered.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from conftest import OpenPage
from spy import APPS, Console, open_spied, serve_without_isolation

ServeApp = Callable[[str | Path], str]

APP = APPS / "runaway.py"
BUSY_TIMEOUT_MS = 5_000
# A restart boots Pyodide again, which takes seconds on a loaded machine.
RESTART_TIMEOUT_MS = 60_000


def fill_form(page: Page) -> None:
    """Enter a value into each field and count two clicks into the gr.State."""
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Level", exact=True).fill("7")
    page.get_by_label("green").check()
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_label("Out")).to_have_value("count 1")
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_label("Out")).to_have_value("count 2")


def shown(page: Page, expected: str) -> None:
    """Click Show and wait until Out shows ``expected``."""
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_label("Out")).to_have_value(expected, timeout=10_000)


def main_thread_delay_ms(page: Page) -> float:
    """Return how long a zero-delay timer takes on the page's main thread."""
    return page.evaluate(
        "() => new Promise((resolve) => { const start = performance.now();"
        " setTimeout(() => resolve(performance.now() - start), 0); })"
    )


def test_spin_shows_busy_and_stop_keeps_session(
    open_page: OpenPage, serve_app: ServeApp
) -> None:
    page = open_spied(open_page, serve_app(APP))
    assert page.evaluate("crossOriginIsolated") is True
    assert page.evaluate("window.liteInit.interruptBuffer instanceof Uint8Array") is True
    fill_form(page)

    page.get_by_role("button", name="Spin").click()
    banner = page.get_by_role("status").filter(has_text="The app is busy")
    expect(banner).to_be_visible(timeout=BUSY_TIMEOUT_MS)
    stop = banner.get_by_role("button", name="Stop")
    expect(stop).to_have_text("Stop")

    # The page is responsive while Python spins: timers run and typing shows.
    assert main_thread_delay_ms(page) < 250
    page.get_by_label("Name").fill("Ada Lovelace")
    expect(page.get_by_label("Name")).to_have_value("Ada Lovelace")

    stop.click()
    toast = page.locator(".lite-toast").filter(has_text="Stopped")
    expect(toast).to_contain_text("spin was stopped before it finished.")
    expect(banner).to_be_hidden()
    # The same session goes on: the State and the edits made while busy are kept.
    shown(page, "clicks=2 name=Ada Lovelace level=7 color=green")
    assert page.evaluate("window.liteWorkers.length") == 1
    expect(page.get_by_text("The app was restarted")).to_have_count(0)


def test_stale_interrupt_does_not_hit_next_click(
    open_page: OpenPage, serve_app: ServeApp
) -> None:
    """A SIGINT written after Python finished must not stop the next listener."""
    page = open_spied(open_page, serve_app(APP))
    fill_form(page)
    page.evaluate("window.liteInit.interruptBuffer[0] = 2")
    shown(page, "clicks=2 name=Ada level=7 color=green")
    expect(page.get_by_text("Stopped")).to_have_count(0)
    assert page.evaluate("window.liteInit.interruptBuffer[0]") == 0


def test_sleep_in_c_restarts_and_restores(
    open_page: OpenPage, serve_app: ServeApp
) -> None:
    """time.sleep does not see the interrupt, so the worker is restarted after 3 s."""
    page = open_spied(open_page, serve_app(APP))
    fill_form(page)
    page.get_by_role("button", name="Nap").click()
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible(timeout=BUSY_TIMEOUT_MS)
    stop.click()
    expect(page.get_by_text("Stopping the app")).to_be_visible()

    notice = page.locator(".lite-toast").filter(has_text="The app was restarted")
    expect(notice).to_be_visible(timeout=RESTART_TIMEOUT_MS)
    expect(notice).to_contain_text("Python did not stop within 3 s of the interrupt")
    expect(notice).to_contain_text("Your entries were put back: Name, Level, Color.")
    expect(notice).to_contain_text("session state (gr.State) were reset")
    assert page.evaluate("window.liteWorkers.length") == 2
    expect(page.get_by_label("Name")).to_have_value("Ada")
    expect(page.get_by_label("Level", exact=True)).to_have_value("7")
    expect(page.get_by_label("green")).to_be_checked()
    # The new worker has the values too; the click count lived in a gr.State.
    shown(page, "clicks=0 name=Ada level=7 color=green")


@pytest.fixture
def plain_url() -> Iterator[str]:
    """The app served without the cross-origin isolation headers."""
    yield from serve_without_isolation(APP)


def test_without_isolation_stop_restarts(
    open_page: OpenPage, plain_url: str, record_property: Callable[[str, Any], None]
) -> None:
    page = open_spied(open_page, plain_url)
    console = Console(page)
    assert page.evaluate("crossOriginIsolated") is False
    assert page.evaluate("'interruptBuffer' in window.liteInit") is False
    fill_form(page)
    page.get_by_role("button", name="Add field").click()
    page.get_by_label("Extra 0").fill("typed into a rendered field")

    page.get_by_role("button", name="Spin").click()
    banner = page.get_by_role("status").filter(has_text="The app is busy")
    expect(banner).to_be_visible(timeout=BUSY_TIMEOUT_MS)
    expect(banner).to_contain_text("Stopping it restarts the app")
    banner.get_by_role("button", name="Stop and restart").click()
    started = time.monotonic()

    notice = page.locator(".lite-toast").filter(has_text="The app was restarted")
    expect(notice).to_be_visible(timeout=RESTART_TIMEOUT_MS)
    record_property("restart_seconds", round(time.monotonic() - started, 1))
    expect(notice).to_contain_text("the page is not cross-origin isolated")
    expect(notice).to_contain_text("Your entries were put back: Name, Level, Color.")
    expect(notice).to_contain_text(
        "could not be put back, because the restarted app does not show them: Extra 0."
    )
    expect(page.get_by_label("Name")).to_have_value("Ada")
    expect(page.get_by_label("Extra 0")).to_have_count(0)
    shown(page, "clicks=0 name=Ada level=7 color=green")
    assert console.matching("lite worker: the engine failed") == []
