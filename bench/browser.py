"""Headless Chromium with the benchmark's probe, and the measurements made through it."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Playwright

from .apps import FIELD_SELECTORS, Action, App, Condition

CHROMIUM = os.environ.get("LITE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Every host name but 127.0.0.1 fails to resolve. Unlike Playwright's request
    # routing, this keeps the HTTP cache on, which the warm start-up figures need.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    # measureUserAgentSpecificMemory() otherwise waits for the next garbage
    # collection, up to 20 s.
    "--enable-blink-features=ForceEagerMeasureMemory",
]
PROBE = (Path(__file__).resolve().parent / "probe" / "page.js").read_text("utf-8")
START_TIMEOUT_MS = 120_000
READY_OR_ERROR = """() => 'usable' in window.__bench.marks
  || document.querySelector('lite-app[data-state=error]') !== null"""


def init_script(product: str, app: App) -> str:
    """Return the probe with its configuration for ``app`` served by ``product``."""
    config = {"field": FIELD_SELECTORS[product], "firstRender": app.first_render}
    return f"window.__benchConfig = {json.dumps(config)};\n{PROBE}"


def launch(playwright: Playwright) -> Browser:
    """Launch headless Chromium for cold starts: each new context has an empty cache."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )


@contextmanager
def persistent_context(playwright: Playwright) -> Iterator[BrowserContext]:
    """Yield a Chromium context with a fresh profile on disk, removed afterwards.

    Reloading a page in it uses the HTTP cache (and V8's code cache) that the earlier
    loads filled, as a returning visitor's browser does.
    """
    profile = Path(tempfile.mkdtemp(prefix="lite-bench-profile-"))
    try:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield context
        finally:
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def open_page(context: BrowserContext, product: str, app: App, url: str) -> Page:
    """Open ``url`` in a new page with the probe, and wait until the app is usable.

    The probe is added to the page, not to the context, so that pages of other apps
    in the same context get their own configuration. It stays for reloads.
    """
    page = context.new_page()
    page.add_init_script(init_script(product, app))
    page.set_default_timeout(START_TIMEOUT_MS)
    page.goto(url)
    wait_until_usable(page)
    return page


def wait_until_usable(page: Page) -> None:
    """Wait until the probe has seen the app's first render and the frame after it.

    Raises:
        RuntimeError: lite shows an error instead of the app.
    """
    page.wait_for_function(READY_OR_ERROR, timeout=START_TIMEOUT_MS)
    failed = page.query_selector("lite-app[data-state=error]")
    if failed is not None:
        raise RuntimeError(f"The app failed to start. It shows:\n{failed.inner_text()}")


def measure(
    page: Page, action: Action, condition: Condition, timeout_ms: int = 120_000
) -> dict[str, float]:
    """Perform ``action`` in the page and time it until ``condition`` holds.

    Returns the page times (ms since navigation start) of the action (``start``), of
    the DOM mutation that made the condition true (``dom``) and of the next frame
    (``frame``).
    """
    result: dict[str, float] = page.evaluate(
        "([action, condition, timeout]) => window.__bench.measure(action, condition, timeout)",
        [action, condition, timeout_ms],
    )
    return result


def perform(page: Page, action: Action) -> None:
    """Perform ``action`` without timing it."""
    page.evaluate("(action) => window.__bench.perform(action)", action)


def wait_for(page: Page, condition: Condition, timeout_ms: int = 120_000) -> None:
    """Wait until ``condition`` is true in the page."""
    page.evaluate(
        "([condition, timeout]) => window.__bench.waitFor(condition, timeout)",
        [condition, timeout_ms],
    )


def summary(page: Page) -> dict[str, Any]:
    """Return what the page probe recorded (see ``bench.summary`` in probe/page.js)."""
    result: dict[str, Any] = page.evaluate("() => window.__bench.summary()")
    return result


def worker_report(page: Page) -> dict[str, Any] | None:
    """Return what the worker probe recorded, or None on a page without lite."""
    result: dict[str, Any] | None = page.evaluate("() => window.__bench.workerReport()")
    return result


def clear(page: Page) -> None:
    """Forget the messages both probes recorded so far."""
    page.evaluate("() => window.__bench.clear()")


def settle(page: Page, milliseconds: int = 100) -> None:
    """Let pending events finish before the next measurement.

    The wait runs in the page (two frames, then a timer) rather than in Python, so
    that it ends after the page's own pending tasks.
    """
    page.evaluate(
        """(ms) => new Promise((resolve) => requestAnimationFrame(() =>
             requestAnimationFrame(() => setTimeout(resolve, ms))))""",
        milliseconds,
    )
