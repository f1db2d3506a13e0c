"""Event storms: a thousand clicks or keystrokes, as fast as Playwright sends them.

Each listener of playwright/apps/storm.py has one trigger mode and records what it
saw. `multiple` must run once per event, in order. `once` must ignore the events the
page sent before it had shown the previous run's result. `always_last` must end on
the final value and never see a value twice. The page must stay responsive.
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from conftest import OpenPage
from spy import APPS, RESPONSIVENESS_PROBE, count, open_spied

ServeApp = Callable[[str | Path], str]
RecordProperty = Callable[[str, Any], None]

APP = APPS / "storm.py"
EVENTS = count("storm_events", 1000)
SETTLE_TIMEOUT_MS = 120_000
# The maximum main-thread task length during a storm. A frozen page shows as seconds.
MAX_LONG_TASK_MS = 1_000


def open_storm(open_page: OpenPage, serve_app: ServeApp) -> Page:
    page = open_spied(open_page, serve_app(APP), RESPONSIVENESS_PROBE)
    page.evaluate("window.liteRecord = true")
    return page


def click_storm(page: Page, button: Locator, clicks: int) -> float:
    """Click the middle of ``button`` ``clicks`` times; return the seconds it took."""
    box = button.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    start = time.monotonic()
    for _ in range(clicks):
        page.mouse.click(x, y)
    return time.monotonic() - start


def typed_text(length: int) -> str:
    """Return ``length`` characters to type: the alphabet over and over."""
    letters = string.ascii_lowercase
    return (letters * (length // len(letters) + 1))[:length]


def sent_events(page: Page, node: int, name: str) -> list[dict[str, Any]]:
    return page.evaluate(
        "([id, name]) => window.liteSent.filter((m) => m.id === id && m.name === name)",
        [node, name],
    )


def node_of(locator: Locator) -> int:
    return int(locator.evaluate("(element) => element.closest('[data-lite-id]').dataset.liteId"))


def shown_values(page: Page, node: int) -> list[tuple[int, str]]:
    """Return (patch seq, value) for each patch that changed the value of ``node``."""
    return [tuple(pair) for pair in page.evaluate(
        """(id) => window.litePatches.flatMap((patch) => patch.ops
          .filter((op) => op.id === id && op.props && "value" in op.props)
          .map((op) => [patch.seq, op.props.value]))""",
        node,
    )]


def check_responsive(page: Page, record_property: RecordProperty) -> None:
    longest = page.evaluate("Math.max(0, ...window.liteLongTasks)")
    record_property("longest_main_thread_task_ms", round(longest))
    assert longest < MAX_LONG_TASK_MS
    delay = page.evaluate(
        "() => new Promise((resolve) => { const start = performance.now();"
        " setTimeout(() => resolve(performance.now() - start), 0); })"
    )
    assert delay < 250


def test_multiple_runs_every_click_once(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty
) -> None:
    page = open_storm(open_page, serve_app)
    button = page.get_by_role("button", name="Count every click")
    out = page.get_by_label("Clicks counted")
    seconds = click_storm(page, button, EVENTS)
    expect(out).to_have_value(str(EVENTS), timeout=SETTLE_TIMEOUT_MS)
    record_property("events", EVENTS)
    record_property("send_seconds", round(seconds, 1))

    assert len(sent_events(page, node_of(button), "click")) == EVENTS
    shown = [int(value) for _, value in shown_values(page, node_of(out))]
    assert shown == sorted(set(shown))
    assert shown[-1] == EVENTS
    check_responsive(page, record_property)


def test_multiple_sees_every_keystroke_in_order(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty
) -> None:
    page = open_storm(open_page, serve_app)
    field = page.get_by_label("Every keystroke")
    text = typed_text(EVENTS)
    field.focus()
    start = time.monotonic()
    page.keyboard.type(text)
    record_property("send_seconds", round(time.monotonic() - start, 1))
    expect(page.get_by_label("Keystrokes seen")).to_have_value(
        f"{EVENTS} in order", timeout=SETTLE_TIMEOUT_MS)
    record_property("events", EVENTS)
    expect(field).to_have_value(text)
    check_responsive(page, record_property)


def test_always_last_ends_on_final_value(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty
) -> None:
    page = open_storm(open_page, serve_app)
    field = page.get_by_label("Latest keystroke")
    out = page.get_by_label("Latest seen")
    text = typed_text(EVENTS)
    field.focus()
    page.keyboard.type(text)
    # The output is "<runs> <length of the text seen> growing".
    expect(out).to_have_value(re.compile(rf"^\d+ {EVENTS} growing$"),
                              timeout=SETTLE_TIMEOUT_MS)
    runs = int(out.input_value().split()[0])
    record_property("events", EVENTS)
    record_property("runs", runs)
    print(f"always_last ran {runs} times for {EVENTS} keystrokes")
    assert runs <= EVENTS
    expect(field).to_have_value(text)
    check_responsive(page, record_property)


def test_once_ignores_clicks_sent_while_running(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty
) -> None:
    page = open_storm(open_page, serve_app)
    button = page.get_by_role("button", name="Slow once")
    out = page.get_by_label("Slow runs")
    click_storm(page, button, EVENTS)
    # The worker handles messages in order, so once a later click shows its
    # result, every click of the storm has been handled.
    page.get_by_role("button", name="Count every click").click()
    expect(page.get_by_label("Clicks counted")).to_have_value("1", timeout=SETTLE_TIMEOUT_MS)

    runs = int(out.input_value())
    sent = [event["seq"] for event in sent_events(page, node_of(button), "click")]
    assert len(sent) == EVENTS
    # Run k's result reached the page in patch done[k]. A click runs when the page
    # had applied the result of the previous run before sending it.
    done = {int(value): seq for seq, value in shown_values(page, node_of(out))}
    expected = 0
    for seq in sent:
        if seq >= done.get(expected, 0):
            expected += 1
    record_property("events", EVENTS)
    record_property("runs", runs)
    print(f"once ran {runs} times for {EVENTS} clicks")
    assert runs == expected
    assert 1 < runs < EVENTS
    check_responsive(page, record_property)
