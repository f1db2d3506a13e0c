"""Browser tests of the served site and of the ``open_app`` fixture itself."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from lite import site

OpenApp = Callable[[str | Path], Page]

PROBE_PAGE = b"""<!doctype html>
<meta charset="utf-8">
<title>probe</title>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
try {
  const pyodide = await loadPyodide({ indexURL: new URL("pyodide/", location).href });
  const loaded = await pyodide.loadPackage(["micropip", "packaging"]);
  window.loaded = loaded.map((entry) => entry.name).sort();
  window.versions = pyodide.runPython(
    "import micropip, packaging; f'{micropip.__version__} {packaging.__version__}'");
} catch (error) {
  window.failure = String(error);
}
</script>
"""


def test_todo_list_ready(open_app: OpenApp) -> None:
    page = open_app("examples/todo_list.py")

    expect(page.get_by_label("Task Name")).to_be_visible()
    expect(page.get_by_text("Incomplete Tasks (0)")).to_be_visible()
    assert page.evaluate("crossOriginIsolated") is True
    assert page.title() == "Todo list"


def test_todo_list_adds_task(open_app: OpenApp) -> None:
    page = open_app("examples/todo_list.py")

    page.get_by_label("Task Name").fill("Buy milk")
    page.get_by_label("Task Name").press("Enter")

    expect(page.get_by_text("Incomplete Tasks (1)")).to_be_visible()
    expect(page.get_by_role("button", name="Done")).to_have_count(1)


def test_open_app_fails_on_app_error(open_app: OpenApp, tmp_path: Path) -> None:
    app = tmp_path / "broken.py"
    app.write_text("import gradio as gr\n\nwith gr.Blocks() as demo:\n    1 +\n")

    with pytest.raises(pytest.fail.Exception, match="The app failed to start"):
        open_app(app)


@pytest.fixture
def probe_url(tmp_path: Path) -> Iterator[str]:
    """URL of a page that loads the site's Pyodide on the main thread."""
    app = tmp_path / "app.py"
    app.write_text("import gradio as gr\n")
    pages = site.assemble_site(app)
    pages["probe.html"] = PROBE_PAGE
    server = site.SiteServer(pages, ("127.0.0.1", 0))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"{server.url}probe.html"
    server.shutdown()
    server.server_close()
    thread.join()


def test_vendored_packages_load(
    browser_context: BrowserContext, probe_url: str
) -> None:
    """The vendored lock file's hashes match the wheels, so loadPackage accepts them."""
    page = browser_context.new_page()
    try:
        page.goto(probe_url)
        page.wait_for_function("window.loaded || window.failure", timeout=60_000)

        assert page.evaluate("window.failure") is None
        assert page.evaluate("window.loaded") == ["micropip", "packaging"]
        lock_path = site.find_runtime().vendor / "pyodide-lock.json"
        packages = json.loads(lock_path.read_text())["packages"]
        expected = (
            f"{packages['micropip']['version']} {packages['packaging']['version']}"
        )
        assert page.evaluate("window.versions") == expected
    finally:
        page.close()
