"""Browser test of ``lite serve`` reloading the page when the app changes.

The server is the one ``lite serve`` runs, watching only the test's app folder.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OpenPage, wait_until_ready
from playwright.sync_api import expect

from lite import reload, site

APP = "import gradio as gr\n\nwith gr.Blocks() as demo:\n    gr.Markdown({text!r})\n"


@pytest.fixture
def served_app(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """An app file and the URL of a reloading server for it."""
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text(APP.format(text="Version one"))
    server = reload.ReloadingSiteServer(
        lambda: site.assemble_site(app),
        site.find_runtime().dist / "reload.js",
        [app.parent],
        ("127.0.0.1", 0),
        poll_seconds=0.1,
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield app, server.url
    server.shutdown()
    server.server_close()


def test_edits_reload_page(served_app: tuple[Path, str], open_page: OpenPage) -> None:
    app, url = served_app
    page = open_page(url)
    wait_until_ready(page)
    expect(page.get_by_text("Version one")).to_be_visible()

    app.write_text("import gradio as gr\n\nwith gr.Blocks() as demo:\n    gr.Markdown(\n")
    alert = page.locator("lite-app").get_by_role("alert")
    expect(alert).to_contain_text("SyntaxError", timeout=60_000)

    app.unlink()
    banner = page.locator("#lite-serve-error")
    expect(banner).to_contain_text("lite serve: App file not found")

    app.write_text(APP.format(text="Version two"))
    expect(page.get_by_text("Version two")).to_be_visible(timeout=60_000)
    expect(banner).to_have_count(0)
