"""Run the reliability tests and write docs/reliability.md from their results.

Run through scripts/reliability, which sets everything up first. The tests read
their counts from LITE_* environment variables (see playwright/spy.py ``count``).
This script sets the defaults below unless the environment already has them. It runs
the tests in one pytest session, then the renderer's node:test files. For each test
it records the outcome, the duration and the counts: the properties the test recorded
with ``record_property`` and the number of examples Hypothesis ran.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"

COUNTS = {
    "LITE_STORM_EVENTS": "1000",
    "LITE_FUZZ_BATCHES": "60",
    "LITE_RACE_CLICKS": "200",
    "LITE_PROPERTY_STEPS": "30",
    "LITE_PROPERTY_SEEDS": "3",
}

TEST_FILES = [
    "tests/test_fuzz.py",
    "tests/test_misbehaving_apps.py",
    "tests/test_session.py",
    "tests/test_stateful.py",
    "playwright/test_hostile_input.py",
    "playwright/test_app_errors.py",
    "playwright/test_runaway.py",
    "playwright/test_storms.py",
    "playwright/test_rerender_races.py",
    "playwright/test_stateful_browser.py",
]
NODE_TESTS = ["test/limits.test.js", "test/watchdog.test.js", "test/restore.test.js",
              "test/batcher.test.js"]


@dataclass
class Area:
    """One point of the reliability issue: what holds, and which tests show it."""

    title: str
    statement: str
    files: tuple[str, ...]
    name_pattern: str = ""
    node_tests: tuple[str, ...] = ()
    results: list[Result] = field(default_factory=list)


@dataclass
class Result:
    nodeid: str
    summary: str
    outcome: str = "not run"
    seconds: float = 0.0
    counts: dict[str, Any] = field(default_factory=dict)


AREAS = [
    Area(
        "Text is never HTML",
        "Labels, info, choices, button captions, task names and toasts go into the "
        "page as text. Markdown and `gr.HTML` pass through DOMPurify, which removes "
        "scripts, event handler attributes and `javascript:` URLs. lite also drops "
        "`<form>`, because submitting one would reload the app page. No payload below "
        "ran script.",
        ("playwright/test_hostile_input.py",),
        r"markup|labels|sanitized",
    ),
    Area(
        "Errors in the app",
        "A listener, a render or a generator that raises (`sys.exit()` included) "
        "shows an error toast and badge in the page and a traceback in the console. "
        "Outputs keep the last value they showed, a failed render keeps the previous "
        "one, and the next event runs.",
        ("playwright/test_app_errors.py", "tests/test_session.py",
         "tests/test_misbehaving_apps.py"),
        r"(?<!module_)error|sys_exit|failed_batch|unencodable|broken_str",
    ),
    Area(
        "Runaway Python",
        "When messages are pending and the worker has posted nothing for 1 s, the "
        "page shows \"The app is busy\" with a Stop button; the main thread stays "
        "responsive. On a cross-origin isolated page Stop writes SIGINT into "
        "Pyodide's interrupt buffer, the listener gets `KeyboardInterrupt` and the "
        "session goes on. When Python stays silent 3 s after the interrupt (C code "
        "such as `time.sleep`) or the page is not isolated, the page starts a new "
        "worker and puts back the last value of every field the user edited.",
        ("playwright/test_runaway.py", "tests/test_session.py",
         "tests/test_misbehaving_apps.py"),
        r"spin|stale|sleep|isolation|interrupt|stop_outside",
        ("test/watchdog.test.js", "test/restore.test.js"),
    ),
    Area(
        "Event storms",
        "A thousand clicks or keystrokes, as fast as Playwright sends them: "
        "`multiple` runs every event once and in order, `once` runs exactly the "
        "clicks that the page sent after showing the previous run's result, "
        "`always_last` ends on the final value and never sees a value twice. The "
        "page ends on the last input's result and no main-thread task took a second.",
        ("playwright/test_storms.py", "tests/test_session.py"),
        r"storm|multiple|once|always_last|self_triggering",
    ),
    Area(
        "Re-render races",
        "An event of a component that a re-render replaced is dropped, and one of a "
        "keyed component reaches its new instance, whether or not it shares a batch "
        "with the event that caused the re-render. Bursts of clicks on stale rows "
        "never make the worker raise.",
        ("playwright/test_rerender_races.py", "tests/test_session.py"),
        r"rerender|stale_clicks|one_task|keyed_box",
    ),
    Area(
        "Malformed messages",
        "Page messages with wrong types, unknown ids, missing fields or garbage are "
        "dropped with a logged reason, and the session goes on. The worker rejects, "
        "where messages enter it, any message larger than 4,000,000 characters of "
        "JSON, carrying more than 64 MiB of binary data, nested more than 32 levels "
        "or containing a `\"$buffer\"` key. The page rejects its own oversized edits "
        "before posting them, warns the user and shows the app's value again.",
        ("tests/test_fuzz.py", "tests/test_misbehaving_apps.py", "tests/test_session.py",
         "playwright/test_hostile_input.py"),
        r"fuzz|garbage|huge|buffer|nested|malformed|invalid_edit|read_only|nan|engine_failure",
        ("test/limits.test.js", "test/batcher.test.js"),
    ),
    Area(
        "Stateful property tests",
        "Random sequences of adding, completing and deleting tasks, and of adding, "
        "filling and merging boxes, leave the page showing exactly what a plain "
        "model of the app expects.",
        ("tests/test_stateful.py", "playwright/test_stateful_browser.py"),
        r"",
    ),
]

LIMITS = [
    "Python stuck in C code (`time.sleep`, a long C loop) cannot be interrupted. The "
    "worker is restarted 3 s after Stop, and `gr.State`, values the app computed and "
    "fields that later re-renders made are lost. The restart notice says so and "
    "names the fields it could not put back.",
    "Restoring re-sends each edit, so the app's input and change listeners run again. "
    "When that makes the new worker busy and the user stops it, the edits are dropped "
    "instead of restored a second time.",
    "Without cross-origin isolation (GitHub Pages, for one), Stop always restarts.",
    "Events for unknown node ids are dropped and logged at INFO level, which the "
    "worker does not print by default.",
    "The size limits apply to each message; a batch of many messages near the limit "
    "is not capped as a whole.",
    "The busy banner counts the messages the page's renderer posted. A script that "
    "posts to the worker itself makes the counts disagree, which can hide the banner.",
]


def area_of(nodeid: str) -> Area | None:
    path, _, name = nodeid.partition("::")
    for area in AREAS:
        if path in area.files and re.search(area.name_pattern, name):
            return area
    return None


def summary_of(item: pytest.Item) -> str:
    """Return the first paragraph of the test's docstring, or its name as words."""
    doc = getattr(getattr(item, "obj", None), "__doc__", None) or ""
    machine = state_machine_of(item)
    if machine is not None:
        doc = f"{machine.__name__}: {machine.__doc__ or ''}"
    first = doc.strip().split("\n\n")[0]
    if first:
        return " ".join(first.split())
    return item.name.removeprefix("test_").replace("_", " ")


def state_machine_of(item: pytest.Item) -> type | None:
    """Return the Hypothesis state machine whose TestCase ``item`` runs, if any."""
    test_case = getattr(item, "cls", None)
    for value in vars(getattr(item, "module", None) or object).values():
        if isinstance(value, type) and value.__dict__.get("TestCase") is not None:
            continue
        if isinstance(value, type) and getattr(value, "TestCase", None) is test_case \
                and test_case is not None and value is not test_case:
            return value
    return None


class ReportPlugin:
    """Keeps the reliability tests and records their outcomes and counts."""

    def __init__(self) -> None:
        self.results: dict[str, Result] = {}

    def pytest_collection_modifyitems(self, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        kept, dropped = [], []
        for item in items:
            area = area_of(item.nodeid)
            if area is None:
                dropped.append(item)
                continue
            result = Result(item.nodeid, summary_of(item))
            area.results.append(result)
            self.results[item.nodeid] = result
            kept.append(item)
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item,
                                  call: pytest.CallInfo[None]) -> Any:
        report = yield
        result = self.results.get(item.nodeid)
        if result is None:
            return report
        if report.when == "call" or (report.when == "setup" and report.failed):
            result.outcome = report.outcome
            result.seconds += report.duration
        if report.when == "call":
            result.counts.update(dict(item.user_properties))
        if report.when == "teardown":
            examples = re.findall(r"(\d+) passing examples",
                                  getattr(item, "hypothesis_statistics", ""))
            if examples:
                result.counts["hypothesis examples"] = sum(map(int, examples))
            steps = getattr(getattr(item, "module", None), "STEPS", None)
            if steps and "tests/test_stateful.py" in item.nodeid:
                result.counts["steps per example, at most"] = steps
        return report


def run_node_tests() -> dict[str, tuple[str, int, int]]:
    """Run the node:test files; return file -> (outcome, passed, failed)."""
    results = {}
    for path in NODE_TESTS:
        done = subprocess.run(["node", "--test", path], cwd=ROOT / "web",
                              capture_output=True, text=True)
        passed = int(re.search(r"^# pass (\d+)", done.stdout, re.M).group(1))
        failed = int(re.search(r"^# fail (\d+)", done.stdout, re.M).group(1))
        results[path] = ("passed" if done.returncode == 0 else "failed", passed, failed)
    return results


def describe_counts(counts: dict[str, Any]) -> str:
    return ", ".join(f"{name.replace('_', ' ')}: {value:,}" if isinstance(value, int)
                     else f"{name.replace('_', ' ')}: {value}"
                     for name, value in counts.items())


def environment() -> str:
    chromium = subprocess.run([os.environ.get("LITE_CHROMIUM", "/usr/bin/chromium"),
                               "--version"], capture_output=True, text=True).stdout.strip()
    pyodide = json.loads((ROOT / "web/node_modules/pyodide/package.json").read_text())
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {chromium or 'Chromium'}, "
            f"Pyodide {pyodide['version']}")


def write_doc(node: dict[str, tuple[str, int, int]], seconds: float) -> str:
    lines = [
        "# Reliability",
        "",
        wrap("What a user, a buggy app or hostile page content was made to do to lite, "
             "and what held. `scripts/reliability` writes this page: it runs the tests "
             "below and records the counts they report, so edit the script, not the "
             "page."),
        "",
        wrap(f"Last run: {datetime.date.today().isoformat()}, {seconds / 60:.1f} min, on "
             f"{environment()}. Counts: "
             + ", ".join(f"`{name}={os.environ[name]}`" for name in COUNTS) + "."),
        "",
        "| area | tests | passed | counts |",
        "| --- | --- | --- | --- |",
    ]
    for area in AREAS:
        passed = sum(result.outcome == "passed" for result in area.results)
        passed += sum(node[path][0] == "passed" for path in area.node_tests)
        total = len(area.results) + len(area.node_tests)
        highlights = totals(area)
        lines.append(f"| [{area.title}](#{anchor(area.title)}) | {total} | {passed} | "
                     f"{highlights} |")
    for area in AREAS:
        lines += ["", f"## {area.title}", "", wrap(area.statement), "",
                  "| test | what it checks | result | time | counts |",
                  "| --- | --- | --- | --- | --- |"]
        for result in area.results:
            lines.append(f"| `{result.nodeid}` | {escape(result.summary)} | "
                         f"{result.outcome} | {result.seconds:.1f} s | "
                         f"{describe_counts(result.counts)} |")
        for path in area.node_tests:
            outcome, passed, failed = node[path]
            lines.append(f"| `web/{path}` | the renderer's logic under node:test | "
                         f"{outcome} | | {passed} passed, {failed} failed |")
    lines += ["", "## Known limits", ""]
    lines += [textwrap.fill(limit, 88, initial_indent="- ", subsequent_indent="  ",
                            break_on_hyphens=False)
              for limit in LIMITS]
    return "\n".join(lines) + "\n"


def totals(area: Area) -> str:
    """Sum the counts that measure how much was tried in an area."""
    names = {"hypothesis examples": "examples", "fuzzed_messages": "fuzzed messages",
             "garbage_messages": "garbage messages", "payloads": "script payloads",
             "events": "events", "clicks": "stale clicks", "actions": "browser actions",
             "restart_seconds": "s to restart"}
    sums: dict[str, float] = {}
    for result in area.results:
        for name, label in names.items():
            value = result.counts.get(name)
            if isinstance(value, (int, float)):
                sums[label] = sums.get(label, 0) + value
    return ", ".join(f"{value:,g} {label}" for label, value in sums.items())


def wrap(text: str) -> str:
    return textwrap.fill(text, 88, break_on_hyphens=False)


def anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")


def escape(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: list[str]) -> int:
    for name, value in COUNTS.items():
        os.environ.setdefault(name, value)
    started = time.monotonic()
    plugin = ReportPlugin()
    code = pytest.main(["-q", "-p", "no:cacheprovider", *TEST_FILES, *argv],
                       plugins=[plugin])
    node = run_node_tests()
    DOC.write_text(write_doc(node, time.monotonic() - started), "utf-8")
    print(f"scripts/reliability: wrote {DOC.relative_to(ROOT)}")
    failed = any(outcome != "passed" for outcome, _, _ in node.values())
    return int(code) or int(failed)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
