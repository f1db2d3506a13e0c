"""Helpers for the reliability tests: a spy on the page's worker, console capture,
a server without cross-origin isolation, and counts that scripts/reliability sets.

``open_spied`` opens a page with ``WORKER_SPY`` installed before the page loads. It
wraps the ``Worker`` constructor, so the test can post to the app's worker directly, as hostile
page content could, and read what the page sent and received:

- ``window.liteWorkers``: every worker the page created, the current one last
- ``window.liteInit``: the last ``init`` message, with its interrupt buffer
- ``window.liteSent``: page messages (type, id, name, seq), while ``liteRecord`` is true
- ``window.litePatches``: the seq and ops of each patch, while ``liteRecord`` is true
"""

from __future__ import annotations

import http.server
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import ConsoleMessage, Page

from conftest import OpenPage, wait_until_ready
from lite.site import SiteRequestHandler, SiteServer, assemble_site

APPS = Path(__file__).resolve().parent / "apps"

WORKER_SPY = """(() => {
  const Original = window.Worker;
  window.liteWorkers = [];
  window.liteSent = [];
  window.litePatches = [];
  window.liteRecord = false;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      window.liteWorkers.push(this);
      this.addEventListener("message", (event) => {
        const data = event.data;
        if (!window.liteRecord || !data || typeof data.json !== "string") return;
        const message = JSON.parse(data.json);
        if (message.type === "patch") {
          window.litePatches.push({ seq: message.seq, ops: message.ops });
        }
      });
    }
    postMessage(message, transfer) {
      if (message && message.type === "init") {
        window.liteInit = message;
      } else if (window.liteRecord && message && typeof message === "object") {
        const { type, id, name, seq } = message;
        window.liteSent.push({ type, id, name, seq });
      }
      return super.postMessage(message, transfer);
    }
  };
})();"""

RESPONSIVENESS_PROBE = """(() => {
  window.liteLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.liteLongTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
})();"""


def open_spied(open_page: OpenPage, url: str, *scripts: str) -> Page:
    """Open ``url`` with the worker spy and ``scripts`` installed; wait for the app."""
    page = open_page("about:blank")
    for script in (WORKER_SPY, *scripts):
        page.add_init_script(script)
    page.goto(url)
    wait_until_ready(page)
    return page


def count(name: str, default: int) -> int:
    """Return the count named ``name`` (LITE_<NAME> in the environment) or ``default``.

    scripts/reliability sets these to run the same tests with larger counts.
    """
    value = os.environ.get(f"LITE_{name.upper()}")
    return int(value) if value else default


class Console:
    """The console messages of a page and its workers, as text."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.lines: list[str] = []
        page.on("console", self._record)

    def _record(self, message: ConsoleMessage) -> None:
        self.lines.append(f"{message.type}: {message.text}")

    def matching(self, text: str) -> list[str]:
        """Return the lines that contain ``text``."""
        return [line for line in self.lines if text in line]

    def wait_for(self, text: str, timeout_s: float = 10) -> str:
        """Wait until a line contains ``text`` and return it."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = self.matching(text)
            if found:
                return found[0]
            # Unlike time.sleep, this lets Playwright deliver the console events.
            self.page.wait_for_timeout(50)
        raise AssertionError(f"no console line contains {text!r}; the console has:\n"
                             + "\n".join(self.lines[-40:]))


def wait_until(read: Callable[[], Any], expected: Any, timeout_s: float = 20) -> Any:
    """Call ``read`` until it returns ``expected``; fail with the last value read."""
    deadline = time.monotonic() + timeout_s
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.05)
        value = read()
    assert value == expected
    return value


def post_to_worker(page: Page, messages: list[Any]) -> None:
    """Post each message straight to the app's current worker."""
    page.evaluate(
        "(messages) => { const worker = window.liteWorkers.at(-1);"
        " for (const message of messages) worker.postMessage(message); }",
        messages,
    )


class PlainRequestHandler(SiteRequestHandler):
    """Serves a site like ``lite serve`` but without the cross-origin isolation
    headers, as GitHub Pages does, so the page has no SharedArrayBuffer."""

    def end_headers(self) -> None:
        http.server.BaseHTTPRequestHandler.end_headers(self)


def serve_without_isolation(app: Path) -> Iterator[str]:
    """Serve ``app`` without COOP and COEP; yield the site's URL, then stop."""
    server = SiteServer(assemble_site(app), ("127.0.0.1", 0))
    server.RequestHandlerClass = PlainRequestHandler
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
