"""Run the benchmark: ``bench/run [--quick] [--out DIR]`` (see docs/benchmarks.md)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Playwright, sync_playwright

from lite.site import find_runtime

from . import apps, browser, interaction, python_side, report, resources, startup
from .apps import REPO_ROOT, App
from .servers import GradioServer, LiteBuild, LiteServer, gradio_version, snapshot_lite

BENCH_DIR = REPO_ROOT / "bench"
WORK_DIR = BENCH_DIR / "out"


@dataclasses.dataclass(frozen=True)
class Plan:
    """How many samples each part takes. Per-size counts are ``(lite, Gradio)``."""

    name: str
    gradio: bool
    startup_samples: int
    rounds: int
    per_round: int
    split_repeats: dict[int, tuple[int, int]]
    todo_repeats: dict[int, tuple[int, int]]
    python_repeats: int
    pyodide_repeats: int


FULL = Plan(
    name="full",
    gradio=True,
    startup_samples=6,
    rounds=2,
    per_round=10,
    split_repeats={10: (10, 10), 100: (10, 10), 500: (10, 5), 1000: (10, 3)},
    todo_repeats={10: (10, 10), 100: (10, 5), 200: (10, 5), 1000: (10, 3)},
    python_repeats=20,
    pyodide_repeats=10,
)
QUICK = Plan(
    name="quick",
    gradio=False,
    startup_samples=2,
    rounds=1,
    per_round=5,
    split_repeats={10: (3, 0), 100: (3, 0), 1000: (3, 0)},
    todo_repeats={10: (3, 0), 1000: (3, 0)},
    python_repeats=3,
    pyodide_repeats=1,
)


def log(message: str) -> None:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"bench: {message} (load average {load})", file=sys.stderr, flush=True)


class Run:
    """The results of one run, and the bookkeeping of its sections."""

    def __init__(self, plan: Plan, build: LiteBuild) -> None:
        self.plan = plan
        self.build = build
        self.products = ("lite", "gradio") if plan.gradio else ("lite",)
        self.results: dict[str, Any] = {"meta": {"sections": {}, "errors": []}}
        self.apps_dir = WORK_DIR / "apps"
        self.logs_dir = WORK_DIR / "logs"
        self.todo = apps.in_own_folder(apps.TODO, self.apps_dir)
        self.add_box = apps.in_own_folder(apps.ADD_BOX, self.apps_dir)
        self.split = apps.in_own_folder(apps.SPLIT, self.apps_dir)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        """Time a section and record the load average before and after it.

        A section that fails is recorded in the results and the run goes on with the
        next one, so that one broken part does not lose the others' samples.
        """
        log(f"{name}: start")
        load_start, start = os.getloadavg(), time.monotonic()
        try:
            yield
        except Exception as error:  # noqa: BLE001 - reported, and the exit code is 1
            traceback.print_exc()
            self.results["meta"]["errors"].append(
                {"section": name, "error": f"{type(error).__name__}: {error}"}
            )
            log(f"{name}: failed: {type(error).__name__}: {error}")
        self.results["meta"]["sections"][name] = {
            "seconds": time.monotonic() - start,
            "load_start": list(load_start),
            "load_end": list(os.getloadavg()),
        }
        log(f"{name}: done in {time.monotonic() - start:.0f} s")

    def serve(
        self, product: str, app: App
    ) -> AbstractContextManager[LiteServer | GradioServer]:
        if product == "lite":
            return LiteServer(app.path, self.build)
        return GradioServer(app.path, self.logs_dir)


def run_startup(run: Run, playwright: Playwright, cold_browser: Browser) -> None:
    marked = apps.with_timing_marks(run.todo, run.apps_dir)
    results: dict[str, Any] = run.results.setdefault("startup", {})
    sizes: dict[str, Any] = run.results.setdefault("sizes", {})
    for product in run.products:
        app = marked if product == "lite" else run.todo
        with run.serve(product, app) as server:
            log(f"start-up: {product}, cold")
            cold = startup.cold(
                cold_browser, product, app, server.url, run.plan.startup_samples
            )
            log(f"start-up: {product}, warm")
            warm = startup.warm(
                playwright, product, app, server.url, run.plan.startup_samples
            )
            results[product] = {"cold": cold, "warm": warm}
        with run.serve(product, run.todo) as server:
            site = server.site if isinstance(server, LiteServer) else None
            entries = resources.downloads(
                cold_browser, product, run.todo, server.url, site
            )
            sizes[product] = {"files": entries, "totals": resources.totals(entries)}


def run_round_trips(run: Run, context: BrowserContext) -> None:
    plan = run.plan
    results: dict[str, dict[str, Any]] = {
        "todo_add": {},
        "todo_done": {},
        "add_box": {},
        "letter": {},
    }
    run.results["round_trips"] = results
    for product in run.products:
        log(f"round trips: {product}")
        with run.serve(product, run.todo) as server:
            page = browser.open_page(context, product, run.todo, server.url)
            todo = interaction.todo_round_trips(
                page, product, plan.rounds, plan.per_round
            )
            results["todo_add"][product] = todo["add"]
            results["todo_done"][product] = todo["done"]
            page.close()
        with run.serve(product, run.add_box) as server:
            page = browser.open_page(context, product, run.add_box, server.url)
            results["add_box"][product] = interaction.add_box_round_trips(
                page, product, plan.rounds, plan.per_round
            )
            page.close()
        with run.serve(product, run.split) as server:
            page = browser.open_page(context, product, run.split, server.url)
            results["letter"][product] = interaction.letter_round_trips(
                page, product, plan.rounds, plan.per_round
            )
            page.close()


def run_scaling(run: Run, context: BrowserContext) -> None:
    plan = run.plan
    split: dict[str, dict[str, Any]] = {str(n): {} for n in plan.split_repeats}
    todo: dict[str, dict[str, Any]] = {str(n): {} for n in plan.todo_repeats}
    memory: dict[str, Any] = {}
    run.results["scaling"] = {"split": split, "todo": todo}
    run.results["memory"] = memory
    largest = max(plan.todo_repeats)
    for index, product in enumerate(run.products):
        with run.serve(product, run.split) as server:
            page = browser.open_page(context, product, run.split, server.url)
            for count, repeats in plan.split_repeats.items():
                log(f"scaling: {product}, split {count} letters")
                split[str(count)][product] = interaction.split_scaling(
                    page, product, count, repeats[index]
                )
            page.close()
        for count, repeats in plan.todo_repeats.items():
            log(f"scaling: {product}, to-do list of {count} tasks")
            app = apps.todo_with_tasks(count, run.apps_dir)
            with run.serve(product, app) as server:
                page = browser.open_page(context, product, app, server.url)
                todo[str(count)][product] = interaction.todo_scaling(
                    page, product, repeats[index]
                )
                if count == largest:
                    memory[product] = resources.memory(page, product)
                    memory[product]["tasks"] = count
                    if isinstance(server, GradioServer):
                        memory[product]["server_rss"] = server.rss_bytes()
                page.close()


def run_python(run: Run) -> None:
    plan = run.plan
    todo_apps = {
        str(n): str(apps.todo_with_tasks(n, run.apps_dir).path)
        for n in plan.todo_repeats
    }
    largest = max(plan.todo_repeats)
    spec = {
        "split": list(plan.split_repeats),
        "todo": todo_apps,
        "gc_off": [str(largest)],
        "repeats": plan.python_repeats,
    }
    results: dict[str, Any] = run.results.setdefault("python", {})
    log("python: CPython")
    results["cpython"] = {
        "version": platform.python_version(),
        "results": python_side.cpython(spec),
    }
    results["profile"] = {
        "case": f"todo {largest}: click Done once (CPython)",
        "tasks": largest,
        **python_side.profile_todo(Path(todo_apps[str(largest)])),
    }
    wheel = WORK_DIR / "engine.whl"
    wheel.write_bytes(run.build.wheel)
    log("python: Pyodide under Node.js")
    results["pyodide"] = python_side.pyodide(
        dict(spec, repeats=plan.pyodide_repeats, engine_wheel=str(wheel))
    )


def meta(run: Run, chromium: str) -> dict[str, Any]:
    def command(*args: str) -> str:
        try:
            done = subprocess.run(
                args, capture_output=True, text=True, check=False, cwd=REPO_ROOT
            )
        except OSError:
            return ""
        return done.stdout.strip()

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    changed = command("git", "status", "--porcelain", "--", "lite", "web/src")
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "mode": run.plan.name,
        "command": "bench/run" + (" --quick" if run.plan.name == "quick" else ""),
        "machine": {
            "cpu": cpu,
            "cores": os.cpu_count(),
            "memory_gib": round(memory_kb / 1024 / 1024, 1),
            "os": platform.platform(),
        },
        "versions": {
            "lite commit": command("git", "rev-parse", "--short", "HEAD")
            + (" (with uncommitted changes in lite/ or web/src/)" if changed else ""),
            "Chromium": chromium,
            "Pyodide": find_runtime().pyodide_version,
            "CPython": platform.python_version(),
            "Node.js": command("node", "--version"),
            "Playwright": importlib.metadata.version("playwright"),
            "Gradio": gradio_version() if run.plan.gradio else None,
        },
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/run",
        description=(
            "Benchmark lite in headless Chromium, against real Gradio unless --quick, and "
            "write benchmarks.md and benchmarks.json."
        ),
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=(
            "few repetitions and no Gradio, to check that the benchmark still runs "
            "(about 3 minutes); it asserts nothing about times"
        ),
    )
    parser.add_argument(
        "--out",
        type=Path,
        help=(
            "folder for benchmarks.md and benchmarks.json (default: docs/, or bench/out/ "
            "with --quick)"
        ),
    )
    parser.add_argument(
        "--from-json",
        type=Path,
        metavar="FILE",
        help=(
            "write benchmarks.md again from the raw samples in FILE (a benchmarks.json) "
            "without measuring anything"
        ),
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    out = args.out or (WORK_DIR if args.quick else REPO_ROOT / "docs")
    if args.from_json:
        results = json.loads(args.from_json.read_text("utf-8"))
        out.mkdir(parents=True, exist_ok=True)
        (out / "benchmarks.md").write_text(report.render(results), "utf-8")
        return 0

    run = Run(plan, snapshot_lite(WORK_DIR / "snapshot"))
    started = time.monotonic()
    log(f"{plan.name} run, writing to {out}")
    with run.section("python"):
        run_python(run)
    with sync_playwright() as playwright:
        cold_browser = browser.launch(playwright)
        run.results["meta"].update(meta(run, cold_browser.version))
        with run.section("start-up"):
            run_startup(run, playwright, cold_browser)
        with browser.persistent_context(playwright) as context:
            with run.section("round trips"):
                run_round_trips(run, context)
            with run.section("scaling"):
                run_scaling(run, context)
        cold_browser.close()
    run.results["meta"]["seconds"] = time.monotonic() - started

    out.mkdir(parents=True, exist_ok=True)
    (out / "benchmarks.json").write_text(
        json.dumps(run.results, indent=1) + "\n", "utf-8"
    )
    (out / "benchmarks.md").write_text(report.render(run.results), "utf-8")
    log(
        f"wrote {out / 'benchmarks.md'} and {out / 'benchmarks.json'} after "
        f"{run.results['meta']['seconds']:.0f} s"
    )
    errors = run.results["meta"]["errors"]
    for error in errors:
        log(f"error in {error['section']}: {error['error']}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
