"""The files a page downloads, and the memory it holds.

Sizes: one cold load per product, with every response of the page and its worker
recorded. "raw" is the body as the browser uses it. "gzip" is that body compressed
with gzip level 9, which is what a static host that compresses would send. Neither server here
compresses (lite's sends files as they are; Gradio 6.31 sent no Content-Encoding in
these runs), so the raw size is also what crossed the loopback.

Memory: the JS heap of the page and of lite's worker, read with the DevTools protocol
(``Runtime.getHeapUsage``) after a forced garbage collection, plus the size of
Pyodide's WebAssembly memory, which the worker probe reads. For Gradio, the Python side
is the server process, so its resident set size is listed instead.
"""

from __future__ import annotations

import gzip
import json
import time
import urllib.parse
from typing import Any

from playwright.sync_api import Browser, CDPSession, Page, Response

from . import browser
from .apps import App

# Files that only benchmark pages load (see servers.py); they are not counted.
PROBE_FILES = ("lite/bench-worker.js", "lite/bench-worker-probe.js")


def lite_category(path: str) -> str:
    """Return the category of a lite site path for the size table."""
    if path.startswith("pyodide/"):
        return "Pyodide runtime"
    if path == "lite/engine.whl":
        return "engine wheel"
    if path.endswith(".js"):
        return "renderer and worker JS"
    if path.endswith(".css"):
        return "CSS"
    return "page and app"


def gradio_category(path: str, content_type: str) -> str:
    """Return the category of a Gradio response for the size table."""
    if "javascript" in content_type or path.endswith((".js", ".mjs")):
        return "JS"
    if "css" in content_type or path.endswith(".css"):
        return "CSS"
    if "font" in content_type or path.endswith((".woff", ".woff2", ".ttf")):
        return "fonts"
    if "json" in content_type:
        return "config and API JSON"
    return "page and other"


def downloads(
    cold_browser: Browser,
    product: str,
    app: App,
    url: str,
    site: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Load ``app`` once with an empty cache and return every file it downloaded.

    For lite, ``site`` is the site mapping, and sizes come from the served files. For
    Gradio they come from the response bodies.
    """
    context = cold_browser.new_context()
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    try:
        browser.open_page(context, product, app, url)
        browser.settle(context.pages[0], 500)
        return [
            entry
            for response in responses
            if (entry := describe(response, product, url, site)) is not None
        ]
    finally:
        context.close()


def describe(
    response: Response, product: str, base: str, site: dict[str, Any] | None
) -> dict[str, Any] | None:
    """Return the size entry of one response, or None for one that is not counted."""
    path = urllib.parse.urlsplit(response.url).path.lstrip("/") or "index.html"
    if (
        not response.url.startswith(base)
        or path in PROBE_FILES
        or response.status != 200
    ):
        return None
    content_type = response.headers.get("content-type", "")
    if product == "lite":
        if site is None or path not in site:
            return None
        content = site[path]
        body = content if isinstance(content, bytes) else content.read_bytes()
        category = lite_category(path)
    else:
        if "event-stream" in content_type:
            return None  # a stream of events, not a download
        body = response.body()
        category = gradio_category(path, content_type)
    return {
        "path": path,
        "category": category,
        "raw": len(body),
        "gzip": len(gzip.compress(body, 9)),
        "content_encoding": response.headers.get("content-encoding"),
    }


def totals(entries: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Add up raw and gzip bytes per category, and over all (``"total"``)."""
    result: dict[str, dict[str, int]] = {}
    for entry in entries:
        for key in (entry["category"], "total"):
            bucket = result.setdefault(key, {"raw": 0, "gzip": 0, "files": 0})
            bucket["raw"] += entry["raw"]
            bucket["gzip"] += entry["gzip"]
            bucket["files"] += 1
    return result


class WorkerSessions:
    """Sends DevTools commands to the page's workers through the page's session.

    Playwright opens sessions for pages only. With ``Target.setAutoAttach`` and
    ``flatten`` off, the page's session attaches to each worker, and commands travel
    to it inside ``Target.sendMessageToTarget``.
    """

    def __init__(self, session: CDPSession) -> None:
        self.session = session
        self.targets: list[dict[str, Any]] = []
        self.replies: dict[int, dict[str, Any]] = {}
        self.next_id = 1
        session.on("Target.attachedToTarget", self._on_attached)
        session.on("Target.receivedMessageFromTarget", self._on_message)
        session.send(
            "Target.setAutoAttach",
            {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False},
        )

    def _on_attached(self, event: dict[str, Any]) -> None:
        if event["targetInfo"]["type"] == "worker":
            self.targets.append(event)

    def _on_message(self, event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[message["id"]] = message

    def send(
        self, page: Page, target: dict[str, Any], method: str, timeout_s: float = 30
    ) -> dict[str, Any]:
        """Send ``method`` to the worker ``target`` and return its result."""
        command_id = self.next_id
        self.next_id += 1
        self.session.send(
            "Target.sendMessageToTarget",
            {
                "sessionId": target["sessionId"],
                "message": json.dumps({"id": command_id, "method": method}),
            },
        )
        deadline = time.monotonic() + timeout_s
        while command_id not in self.replies:
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"{method} in the worker timed out after {timeout_s} s"
                )
            page.wait_for_timeout(20)
        reply = self.replies.pop(command_id)
        if "error" in reply:
            raise RuntimeError(f"{method} failed in the worker: {reply['error']}")
        result: dict[str, Any] = reply["result"]
        return result


def memory(page: Page, product: str) -> dict[str, Any]:
    """Return the page's JS heap and, for lite, the worker's heap and wasm memory."""
    session = page.context.new_cdp_session(page)
    try:
        workers = WorkerSessions(session) if product == "lite" else None
        session.send("HeapProfiler.collectGarbage")
        result: dict[str, Any] = {
            "page_js_heap": session.send("Runtime.getHeapUsage")["usedSize"]
        }
        if workers is None:
            return result
        page.wait_for_timeout(200)  # the attach event arrives asynchronously
        if not workers.targets:
            raise RuntimeError("no worker target attached to the lite page")
        target = workers.targets[-1]
        workers.send(page, target, "HeapProfiler.collectGarbage")
        result["worker_js_heap"] = workers.send(page, target, "Runtime.getHeapUsage")[
            "usedSize"
        ]
        report = browser.worker_report(page) or {}
        result["wasm_memory"] = report.get("wasmMemoryBytes")
        return result
    finally:
        session.detach()
