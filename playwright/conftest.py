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

Tests of hand-written pages use ``serve_site`` to serve a site mapping of their own
(`lite.site.assemble_site` plus their pages) and ``open_page`` to open it with the
same report, then wait with `wait_until_ready`.
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

from lite.site import Site, SiteServer, assemble_site

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
ALL_SETTLED = """() => {
  const apps = [...document.querySelectorAll("lite-app")];
  return apps.length > 0 && apps.every(
    (app) => app.dataset.state === "ready" || app.dataset.state === "error");
}"""

ServeApp = Callable[[str | Path], str]
OpenApp = Callable[[str | Path], Page]
OpenPage = Callable[[str], Page]
ServeSite = Callable[[Site], str]
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
def open_page(
    request: pytest.FixtureRequest, browser_context: BrowserContext
) -> Iterator[OpenPage]:
    """Return a function that opens a URL in a new page, without waiting for apps.

    What goes wrong on the page is added to the report of a failed test, and pages
    opened by the test are closed after it.
    """
    log = request.node.stash.setdefault(browser_log_key, BrowserLog())
    pages: list[Page] = []

    def open_(url: str) -> Page:
        page = browser_context.new_page()
        pages.append(page)
        log.watch(page)
        page.goto(url)
        return page

    yield open_
    for page in pages:
        page.close()


@pytest.fixture
def open_app(open_page: OpenPage, serve_app: ServeApp) -> OpenApp:
    """Return a function that opens an app in a new page and waits until it is ready.

    The function fails the test when the app shows an error instead, or when it is not
    ready within 60 s. Pages opened by the test are closed after it.
    """

    def open_(app: str | Path) -> Page:
        page = open_page(serve_app(app))
        wait_until_ready(page)
        return page

    return open_


@pytest.fixture
def serve_site() -> Iterator[ServeSite]:
    """Return a function that serves a site mapping on 127.0.0.1 and returns its URL.

    The servers send the same headers as ``lite serve`` and stop after the test.
    """
    servers: list[SiteServer] = []

    def serve(pages: Site) -> str:
        server = SiteServer(pages, ("127.0.0.1", 0))
        threading.Thread(
            target=server.serve_forever, args=(0.05,), name="serve site", daemon=True
        ).start()
        servers.append(server)
        return server.url

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def wait_until_ready(page: Page, *, allow_errors: bool = False) -> None:
    """Wait until every ``<lite-app>`` on ``page`` is ready or shows an error.

    Fails the test when one is still loading after 60 s, and, unless
    ``allow_errors`` is set, when one shows an error.
    """
    try:
        page.wait_for_function(ALL_SETTLED, timeout=READY_TIMEOUT_MS)
    except PlaywrightTimeoutError:
        pytest.fail(
            f"<lite-app> was not ready after {READY_TIMEOUT_MS / 1000:.0f} s. "
            f"It shows:\n{_app_states(page)}",
            pytrace=False,
        )
    states = page.locator("lite-app").evaluate_all(
        "(apps) => apps.map((app) => app.dataset.state)"
    )
    if "error" in states and not allow_errors:
        pytest.fail(
            f"The app failed to start. It shows:\n{_app_states(page)}", pytrace=False
        )


def _app_states(page: Page) -> str:
    apps = page.locator("lite-app")
    try:
        return "\n".join(
            f"(data-state={app.get_attribute('data-state')!r}) "
            f"{app.inner_text(timeout=1000)}"
            for app in apps.all()
        ) or "(no <lite-app> element)"
    except PlaywrightError as error:
        return f"(the page could not be read: {error.message})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    log = item.stash.get(browser_log_key, None)
    if report.failed and log is not None and log.lines:
        report.sections.append(("browser log", "\n".join(log.lines)))
    return report
