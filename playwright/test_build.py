"""Browser test of a folder written by ``lite build``, as a static host serves it.

The folder is served under ``/my-repo/`` by Python's plain ``http.server``, the way a
GitHub Pages project site is served under its repository's name. That server sends no
cross-origin isolation headers and nothing but the folder's files.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OpenPage, wait_until_ready
from playwright.sync_api import expect

from lite import cli

APP = """
import gradio as gr
from helpers import reverse

words = open("data/words.txt").read().split()

with gr.Blocks() as demo:
    gr.Markdown(f"{len(words)} words")
    box = gr.Textbox(label="Word")
    out = gr.Markdown()
    box.submit(reverse, box, out)
"""


class RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static file handler, recording each request path and status."""

    requests: list[tuple[str, int]] = []

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.requests.append((self.path, int(code)))


@pytest.fixture
def static_url(tmp_path: Path) -> Iterator[str]:
    """Build an app into ``root/my-repo/`` and serve ``root``; return the folder URL."""
    folder = tmp_path / "app"
    (folder / "data").mkdir(parents=True)
    (folder / "word_app.py").write_text(APP)
    (folder / "helpers.py").write_text("def reverse(text):\n    return text[::-1]\n")
    (folder / "data" / "words.txt").write_text("alpha beta gamma\n")
    root = tmp_path / "root"
    code = cli.main(["build", str(folder / "word_app.py"), "-o", str(root / "my-repo")])
    assert code == 0

    RecordingHandler.requests = []
    handler = functools.partial(RecordingHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/my-repo/"
    server.shutdown()
    server.server_close()


def test_built_folder_under_sub_path(static_url: str, open_page: OpenPage) -> None:
    page = open_page(static_url)
    wait_until_ready(page)

    expect(page.get_by_text("3 words")).to_be_visible()
    page.get_by_label("Word").fill("lite")
    page.get_by_label("Word").press("Enter")
    expect(page.get_by_text("etil")).to_be_visible()
    assert page.evaluate("crossOriginIsolated") is False
    outside = [path for path, _ in RecordingHandler.requests if not path.startswith("/my-repo/")]
    assert outside == []
    failed = [(path, code) for path, code in RecordingHandler.requests if code >= 400]
    assert failed == []
