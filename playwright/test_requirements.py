"""Browser tests of requirements installed with micropip from a local package index.

The index is a PEP 503 simple index served by the test on 127.0.0.1, with one
pure-Python wheel built here. It sends the CORS and CORP headers that a cross-origin
isolated page needs to read a response from another origin. micropip itself comes from
the site's vendored wheel, as in a built site.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import io
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OpenPage, ServeSite, wait_until_ready
from playwright.sync_api import Page, expect

from lite import site

PACKAGE = "lite-demo-greeting"
MODULE = "lite_demo_greeting"
VERSION = "1.0"
WHEEL_NAME = f"{MODULE}-{VERSION}-py3-none-any.whl"
# A second package that the app folder carries as a wheel file.
LOCAL_MODULE = "lite_demo_local"
LOCAL_WHEEL_NAME = f"{LOCAL_MODULE}-{VERSION}-py3-none-any.whl"

APP = f"""
import gradio as gr
import {MODULE}
import {LOCAL_MODULE}

with gr.Blocks() as demo:
    gr.Markdown({MODULE}.GREETING)
    gr.Markdown({LOCAL_MODULE}.GREETING)
"""

RECORD_STATUS = """new MutationObserver(() => {
  const text = document.querySelector("lite-app .lite-loading-text")?.textContent;
  if (text) window.recordStatus(text);
}).observe(document, {subtree: true, childList: true, characterData: true});"""


def build_wheel(module: str, greeting: str) -> bytes:
    """Return a wheel of a one-module package, built with zipfile."""
    dist_info = f"{module}-{VERSION}.dist-info"
    files = {
        f"{module}/__init__.py": f"GREETING = {greeting!r}\n".encode(),
        f"{dist_info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {module}\nVersion: {VERSION}\n"
        ).encode(),
        f"{dist_info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
            b"Tag: py3-none-any\n"
        ),
    }
    record = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        record.append(f"{name},sha256={digest.decode()},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


class IndexHandler(http.server.BaseHTTPRequestHandler):
    """Serves /simple/<project>/ and /files/<wheel> of one package."""

    wheel = build_wheel(MODULE, "Hello from the local index")
    requests: list[str] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        digest = hashlib.sha256(self.wheel).hexdigest()
        if self.path == f"/simple/{PACKAGE}/":
            body = (
                f"<!doctype html><html><body><a href='../../files/{WHEEL_NAME}"
                f"#sha256={digest}'>{WHEEL_NAME}</a></body></html>"
            ).encode()
            self._send(200, "text/html; charset=utf-8", body)
        elif self.path == f"/files/{WHEEL_NAME}":
            self._send(200, "application/octet-stream", self.wheel)
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cross-Origin-Resource-Policy", "cross-origin")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def index_url() -> Iterator[str]:
    """URL of a simple index on 127.0.0.1 that has one package."""
    IndexHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), IndexHandler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/simple"
    server.shutdown()
    server.server_close()


def record_status(page: Page) -> list[str]:
    texts: list[str] = []
    page.expose_function("recordStatus", lambda text: texts.append(text))
    page.add_init_script(RECORD_STATUS)
    return texts


def test_requirements_file_installs_package(
    tmp_path: Path,
    index_url: str,
    serve_site: ServeSite,
    open_page: OpenPage,
) -> None:
    """requirements.txt next to the app goes into index.html, as in lite build."""
    app = tmp_path / "app" / "greet.py"
    app.parent.mkdir()
    app.write_text(APP)
    (app.parent / "wheels").mkdir()
    (app.parent / "wheels" / LOCAL_WHEEL_NAME).write_bytes(
        build_wheel(LOCAL_MODULE, "Hello from a wheel in the app folder")
    )
    (app.parent / "requirements.txt").write_text(
        f"--index-url {index_url}\n"
        f"{PACKAGE} == {VERSION}  # from the index\n"
        f"wheels/{LOCAL_WHEEL_NAME}\n"
    )
    url = serve_site(site.assemble_site(app))
    page = open_page("about:blank")
    texts = record_status(page)

    page.goto(url)
    wait_until_ready(page)

    expect(page.get_by_text("Hello from the local index")).to_be_visible()
    expect(page.get_by_text("Hello from a wheel in the app folder")).to_be_visible()
    assert any(text.startswith(f"Installing {PACKAGE}=={VERSION}") for text in texts)
    assert f"/files/{WHEEL_NAME}" in IndexHandler.requests


def test_missing_requirement_is_named(
    tmp_path: Path,
    index_url: str,
    serve_site: ServeSite,
    open_page: OpenPage,
) -> None:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text("import gradio as gr\n")
    pages = site.assemble_site(app)
    pages["index.html"] = (
        "<!doctype html><meta charset='utf-8'><title>t</title>"
        "<script type='module' src='lite/lite.js'></script>"
        f"<lite-app src='app.py' requirements='{PACKAGE}, no-such-package'"
        f" index-url='{index_url}'></lite-app>"
    ).encode()

    page = open_page(serve_site(pages))
    wait_until_ready(page, allow_errors=True)

    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text(
        'The requirement "no-such-package" could not be installed'
    )
    expect(alert).to_contain_text("Can't fetch metadata for 'no-such-package'")
    expect(alert).to_contain_text(f"Package index: {index_url}")
    assert "/simple/no-such-package/" in IndexHandler.requests
