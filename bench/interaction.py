"""Event round trips and the scaling cases, timed inside the page.

Each sample dispatches one synthetic user action from ``page.evaluate`` and stops when
a MutationObserver observes the expected DOM (``dom``), then at the next frame after it
(``frame``). On lite pages the probes also split the sample into these parts:

- ``send``: the page's own handler, until it posts the message to the worker.
- ``worker``: from the worker receiving the message to posting the last patch (the
  batching timer, Python and JSON encoding).
- ``apply``: the page's handler of the patches (JSON parsing and the DOM changes).
- ``ops`` and ``bytes``: the size of the patches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page

from . import apps, browser
from .apps import Action, Condition

# The pause before each sample lets the previous event finish everywhere, including
# Gradio's follow-up render event.
SETTLE_MS = 100


def timed(
    page: Page, product: str, action: Action, condition: Condition
) -> dict[str, Any]:
    """Return one timed sample of ``action`` until ``condition`` holds."""
    browser.settle(page, SETTLE_MS)
    if product == "lite":
        browser.clear(page)
    result = browser.measure(page, action, condition)
    sample: dict[str, Any] = {
        "dom": result["dom"] - result["start"],
        "frame": result["frame"] - result["start"],
    }
    if product == "lite":
        sample.update(lite_split(page, result))
    return sample


def lite_split(page: Page, result: dict[str, float]) -> dict[str, Any]:
    """Split a lite sample into page, worker and DOM time with the probes' records."""
    summary = browser.summary(page)
    report = browser.worker_report(page) or {"events": []}
    origin = summary["timeOrigin"]
    start, dom = result["start"], result["dom"]

    patches = [
        m
        for m in summary["received"]
        if m.get("type") == "patch" and start <= m["start"] <= dom
    ]
    receives = [
        e["t"] - origin
        for e in report["events"]
        if e["what"] == "receive"
        and e.get("type") in ("edit", "event")
        and e["t"] - origin >= start
    ]
    posts = [
        e["t"] - origin
        for e in report["events"]
        if e["what"] == "post"
        and e.get("type") == "patch"
        and start <= e["t"] - origin <= dom
    ]

    split: dict[str, Any] = {
        "patches": len(patches),
        "ops": sum(p["ops"] or 0 for p in patches),
        "bytes": sum(p["bytes"] for p in patches),
        "apply": sum(p["end"] - p["start"] for p in patches),
    }
    if summary["sent"]:
        split["send"] = summary["sent"][0]["t"] - start
    if receives and posts:
        split["worker"] = posts[-1] - receives[0]
    return split


def repeat_rounds(
    page: Page, rounds: int, per_round: int, step: Callable[[int], dict[str, Any]]
) -> list[dict[str, Any]]:
    """Run ``step(i)`` ``per_round`` times, reloading the page before each round."""
    samples = []
    for round_number in range(rounds):
        if round_number:
            page.reload()
            browser.wait_until_usable(page)
        for index in range(per_round):
            samples.append(step(index))
    return samples


def todo_round_trips(
    page: Page, product: str, rounds: int, per_round: int
) -> dict[str, list[dict[str, Any]]]:
    """Add a task with Enter, then mark it done, ``rounds * per_round`` times.

    The list never has more than one incomplete task, and at most ``per_round``
    complete ones, because each round starts on a reloaded page.
    """
    results: dict[str, list[dict[str, Any]]] = {"add": [], "done": []}

    def step(index: int) -> dict[str, Any]:
        browser.perform(page, {"paste": f"Task {index}", "field": "Task Name"})
        results["add"].append(
            timed(
                page,
                product,
                {"enter": "Task Name"},
                apps.task_count_heading("Incomplete", 1),
            )
        )
        results["done"].append(
            timed(
                page,
                product,
                {"click": "Done"},
                apps.task_count_heading("Complete", index + 1),
            )
        )
        return {}

    repeat_rounds(page, rounds, per_round, step)
    return results


def add_box_round_trips(
    page: Page, product: str, rounds: int, per_round: int
) -> list[dict[str, Any]]:
    """Click Add Box until the page shows ``Box per_round``, in each round."""
    return repeat_rounds(
        page,
        rounds,
        per_round,
        lambda index: timed(
            page, product, {"click": "Add Box"}, {"label": f"Box {index + 1}"}
        ),
    )


def letter_round_trips(
    page: Page, product: str, rounds: int, per_round: int
) -> list[dict[str, Any]]:
    """Type one more letter into the split example's input, ``per_round`` times a round."""
    return repeat_rounds(
        page,
        rounds,
        per_round,
        lambda index: timed(
            page,
            product,
            {"paste": apps.letters(index + 1), "field": "input"},
            {"fields": index + 2},
        ),
    )


def split_scaling(
    page: Page, product: str, count: int, repeats: int
) -> list[dict[str, Any]]:
    """Paste ``count`` letters at once into the empty input, ``repeats`` times."""
    empty = apps.SPLIT.first_render
    samples = []
    for _ in range(repeats):
        if not page.evaluate("(c) => window.__bench.holds(c)", empty):
            browser.perform(page, {"paste": "", "field": "input"})
            browser.wait_for(page, empty)
        samples.append(
            timed(
                page,
                product,
                {"paste": apps.letters(count), "field": "input"},
                {"fields": count + 1},
            )
        )
    return samples


def todo_scaling(page: Page, product: str, repeats: int) -> list[dict[str, Any]]:
    """Click Done on the first task of a to-do list that started with many tasks."""
    return [
        timed(
            page,
            product,
            {"click": "Done"},
            apps.task_count_heading("Complete", index + 1),
        )
        for index in range(repeats)
    ]
