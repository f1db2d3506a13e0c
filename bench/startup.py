"""Start-up: from navigation to a usable page, split by stage, cold and warm.

Cold: every sample is a new browser context of one Chromium, so its HTTP cache is
empty. Warm: one page in a persistent profile is loaded once and then reloaded, so each
sample reads its files from the HTTP cache (and compiled code from V8's cache) after
revalidating them: both servers send ``Cache-Control: no-cache`` or ETags.

Every time is in milliseconds since navigation start of the sample's page.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Page, Playwright

from . import browser
from .apps import APP_END_MARK, APP_START_MARK, App

# Each milestone: (label, what it is). lite's worker milestones come from the worker
# probe; engine_imported and app_run need the app copy with timing marks.
LITE_STAGES = {
    "html": ("HTML received", "navigation timing responseEnd of the page"),
    "element_defined": (
        "lite.js run",
        "`customElements.whenDefined('lite-app')` resolved",
    ),
    "worker_created": ("worker created", "`<lite-app>` called `new Worker()`"),
    "worker_started": (
        "worker running",
        "the worker's modules are loaded; the worker probe's first line ran",
    ),
    "pyodide_ready": (
        "Pyodide ready",
        "loadPyodide() resolved: the worker posts the 'engine' status",
    ),
    "engine_installed": (
        "engine on sys.path",
        "engine.whl fetched and written: the worker posts the 'app' status",
    ),
    "engine_imported": (
        "engine imported",
        "lite.bridge imported, the app module starts: the app's first performance mark",
    ),
    "app_run": ("app module run", "the app's last performance mark"),
    "first_patch_sent": ("first patch posted", "the worker posts the first patch"),
    "first_patch_applied": (
        "first render in the DOM",
        "the page's handler has parsed and applied the first patch",
    ),
    "usable": ("page usable", "the frame after the first render has been produced"),
}
GRADIO_STAGES = {
    "html": ("HTML received", "navigation timing responseEnd of the page"),
    "dom_content_loaded": (
        "DOMContentLoaded",
        "navigation timing domContentLoadedEventEnd",
    ),
    "load": ("load event", "navigation timing loadEventEnd"),
    "first_render": (
        "first render in the DOM",
        "the app's first render condition holds (bench/apps.py)",
    ),
    "usable": ("page usable", "the frame after the first render has been produced"),
}
RESOURCES = (
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide.asm.mjs",
    "engine.whl",
    "lite.js",
    "worker.js",
)


def lite_stages(summary: dict[str, Any], report: dict[str, Any]) -> dict[str, float]:
    """Return lite's milestones from the page probe's summary and the worker's report."""
    origin = summary["timeOrigin"]
    events = report["events"]
    marks = {mark["name"]: mark["t"] - origin for mark in report["marks"]}

    def posted(kind: str, stage: str | None = None) -> float:
        for event in events:
            if (
                event["what"] == "post"
                and event.get("type") == kind
                and (stage is None or event.get("stage") == stage)
            ):
                return float(event["t"] - origin)
        raise ValueError(f"the worker never posted a {kind} message {stage or ''}")

    first_patch = next(m for m in summary["received"] if m.get("type") == "patch")
    return {
        "html": summary["navigation"]["responseEnd"],
        "element_defined": summary["marks"]["elementDefined"],
        "worker_created": summary["marks"]["workerCreated"],
        "worker_started": events[0]["t"] - origin,
        "pyodide_ready": posted("status", "engine"),
        "engine_installed": posted("status", "app"),
        "engine_imported": marks[APP_START_MARK],
        "app_run": marks[APP_END_MARK],
        "first_patch_sent": posted("patch"),
        "first_patch_applied": first_patch["end"],
        "usable": summary["marks"]["usable"],
    }


def lite_resources(summary: dict[str, Any], report: dict[str, Any]) -> dict[str, float]:
    """Return how long each big download took, from request start to response end."""
    origin = summary["timeOrigin"]
    durations: dict[str, float] = {}
    entries = [
        (r["name"], r["start"] - origin, r["end"] - origin) for r in report["resources"]
    ]
    entries += [(r["name"], r["start"], r["end"]) for r in summary["resources"]]
    for url, start, end in entries:
        name = url.rsplit("/", 1)[-1]
        if name in RESOURCES and name not in durations:
            durations[name] = end - start
    return durations


def gradio_stages(summary: dict[str, Any]) -> dict[str, float]:
    """Return Gradio's milestones from the page probe's summary."""
    navigation = summary["navigation"]
    return {
        "html": navigation["responseEnd"],
        "dom_content_loaded": navigation["domContentLoadedEventEnd"],
        "load": navigation["loadEventEnd"],
        "first_render": summary["marks"]["firstRender"],
        "usable": summary["marks"]["usable"],
    }


def sample(page: Page, product: str) -> dict[str, Any]:
    """Return the milestones (and, for lite, download times) of the page's load."""
    summary = browser.summary(page)
    if product == "gradio":
        return {"stages": gradio_stages(summary)}
    report = browser.worker_report(page)
    if report is None:
        raise RuntimeError("the lite page has no worker probe report")
    return {
        "stages": lite_stages(summary, report),
        "resources": lite_resources(summary, report),
        "wasm_memory_bytes": report["wasmMemoryBytes"],
    }


def cold(
    cold_browser: Browser, product: str, app: App, url: str, count: int
) -> list[dict[str, Any]]:
    """Load ``app`` ``count`` times, each in a new context with an empty cache."""
    samples = []
    for _ in range(count):
        context = cold_browser.new_context()
        try:
            page = browser.open_page(context, product, app, url)
            samples.append(sample(page, product))
        finally:
            context.close()
    return samples


def warm(
    playwright: Playwright, product: str, app: App, url: str, count: int
) -> list[dict[str, Any]]:
    """Load ``app`` once in a fresh profile, then reload it ``count`` times."""
    samples = []
    with browser.persistent_context(playwright) as context:
        page = browser.open_page(context, product, app, url)
        for _ in range(count):
            page.reload()
            browser.wait_until_usable(page)
            samples.append(sample(page, product))
    return samples
