"""Fixtures that boot a browser and serve apps, so browser tests contain only behaviour.

A test requests the ``open_app`` fixture and calls it with an app file. It gets a
Playwright page on which the app has finished starting::

    def test_todo_adds_task(open_app):
        page = open_app("examples/todo_list.py")
        page.get_by_label("Task").fill("Buy milk")
        ...

Every test shares one Chromium profile, so the second start of an app loads Pyodide
from the HTTP cache. Each app gets its own server for the whole session, built with the
same site assembly as ``lite serve``. When a test fails, the browser's console errors
and warnings, uncaught page errors and failed requests are added to its report.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from lite.site import SiteServer, assemble_site

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("LITE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Every host name but 127.0.0.1 fails to resolve, so a page can reach nothing
    # else. Unlike Playwright's request routing, this keeps the HTTP cache on.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
READY_TIMEOUT_MS = 60_000
READY_OR_ERROR = "lite-app[data-state=ready], lite-app[data-state=error]"

ServeApp = Callable[[str | Path], str]
OpenApp = Callable[[str | Path], Page]
browser_log_key = pytest.StashKey["BrowserLog"]()


class BrowserLog:
    """Console errors and warnings, page errors and failed requests of some pages."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def watch(self, page: Page) -> None:
        """Record what goes wrong on ``page`` from now on."""
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.lines.append(f"page error: {error}"))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.lines.append(f"console.{message.type}: {message.text}")

    def _on_request_failed(self, request: Request) -> None:
        self.lines.append(f"request failed: {request.url} ({request.failure})")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.lines.append(f"HTTP {response.status}: {response.url}")


@pytest.fixture(scope="session")
def browser_context(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[BrowserContext]:
    """Headless Chromium with a fresh profile, shared by every test of the session."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield context
        context.close()


@pytest.fixture(scope="session")
def serve_app() -> Iterator[ServeApp]:
    """Return a function that serves an app file and returns the site's URL.

    A relative path is taken relative to the repository root. Each app file gets one
    server on 127.0.0.1 with a free port, started on first use and kept for the
    session, so files added to its folder later are not served.
    """
    servers: dict[Path, SiteServer] = {}

    def serve(app: str | Path) -> str:
        path = (REPO_ROOT / app).resolve()
        if path not in servers:
            server = SiteServer(assemble_site(path), ("127.0.0.1", 0))
            thread = threading.Thread(
                target=server.serve_forever, name=f"serve {path.name}", daemon=True
            )
            thread.start()
            servers[path] = server
        return servers[path].url

    yield serve
    for server in servers.values():
        server.shutdown()
        server.server_close()


@pytest.fixture
def open_app(
    request: pytest.FixtureRequest,
    browser_context: BrowserContext,
    serve_app: ServeApp,
) -> Iterator[OpenApp]:
    """Return a function that opens an app in a new page and waits until it is ready.

    The function fails the test when the app shows an error instead, or when it is not
    ready within 60 s. Pages opened by the test are closed after it.
    """
    log = BrowserLog()
    request.node.stash[browser_log_key] = log
    pages: list[Page] = []

    def open_(app: str | Path) -> Page:
        page = browser_context.new_page()
        pages.append(page)
        log.watch(page)
        page.goto(serve_app(app))
        wait_until_ready(page)
        return page

    yield open_
    for page in pages:
        page.close()


def wait_until_ready(page: Page) -> None:
    """Wait until ``<lite-app>`` on ``page`` is ready, or fail with what it shows."""
    try:
        page.wait_for_selector(
            READY_OR_ERROR, state="attached", timeout=READY_TIMEOUT_MS
        )
    except PlaywrightTimeoutError:
        state, text = _app_state(page)
        pytest.fail(
            f"<lite-app> was not ready after {READY_TIMEOUT_MS / 1000:.0f} s "
            f"(data-state={state!r}). It shows:\n{text}",
            pytrace=False,
        )
    state, text = _app_state(page)
    if state == "error":
        pytest.fail(f"The app failed to start. It shows:\n{text}", pytrace=False)


def _app_state(page: Page) -> tuple[str | None, str]:
    app = page.locator("lite-app")
    try:
        return app.get_attribute("data-state"), app.inner_text(timeout=1000)
    except PlaywrightError as error:
        return None, f"(no <lite-app> element: {error.message})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    log = item.stash.get(browser_log_key, None)
    if report.failed and log is not None and log.lines:
        report.sections.append(("browser log", "\n".join(log.lines)))
    return report
