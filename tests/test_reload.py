"""Tests of lite.reload: the page reload of ``lite serve``, over real HTTP.

The sites use the real runtime from web/, so scripts/setup must have run. The servers
watch only the test's app folder, so edits elsewhere in the checkout do not reach them.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lite import reload, site

POLL_SECONDS = 0.05


@pytest.fixture
def app(tmp_path: Path) -> Path:
    folder = tmp_path / "app"
    folder.mkdir()
    (folder / "app.py").write_text("import gradio as gr\n")
    return folder / "app.py"


@pytest.fixture
def server(app: Path, tmp_path: Path) -> Iterator[reload.ReloadingSiteServer]:
    client = tmp_path / "reload.js"
    client.write_text("// reload client\n")
    server = reload.ReloadingSiteServer(
        lambda: site.assemble_site(app),
        client,
        [app.parent],
        ("127.0.0.1", 0),
        poll_seconds=POLL_SECONDS,
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def get(server: site.SiteServer, path: str) -> tuple[int, bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class EventStream:
    """Reads the Server-Sent Events of ``/__lite/events``."""

    def __init__(self, server: site.SiteServer) -> None:
        host, port = server.server_address[:2]
        self.connection = http.client.HTTPConnection(str(host), port, timeout=10)
        self.connection.request("GET", "/__lite/events")
        self.response = self.connection.getresponse()

    def next(self) -> tuple[str, str]:
        """Return the name and data of the next event, skipping comments."""
        name, data = "message", []
        while True:
            line = self.response.fp.readline().decode().rstrip("\n")
            if line == "" and data:
                return name, "\n".join(data)
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                data.append(line.removeprefix("data: "))

    def close(self) -> None:
        self.connection.close()


@pytest.fixture
def events(server: reload.ReloadingSiteServer) -> Iterator[EventStream]:
    stream = EventStream(server)
    yield stream
    stream.close()


def test_index_loads_reload_client(server: reload.ReloadingSiteServer) -> None:
    status, body = get(server, "/")

    assert status == 200
    tag = f'<script type="module" src="__lite/reload.js?version={server.version}">'
    assert tag.encode() in body
    assert get(server, "/__lite/reload.js") == (200, b"// reload client\n")


def test_stream_starts_with_version(
    server: reload.ReloadingSiteServer, events: EventStream
) -> None:
    assert events.response.getheader("Content-Type") == "text/event-stream"
    assert events.response.getheader("Cross-Origin-Embedder-Policy") == "require-corp"
    assert events.next() == ("version", server.version)


def test_edit_sends_new_version(
    server: reload.ReloadingSiteServer, events: EventStream, app: Path
) -> None:
    first = events.next()[1]

    app.write_text("import gradio as gr  # edited\n")

    name, version = events.next()
    assert name == "version"
    assert version != first
    assert version == server.version
    _, body = get(server, "/")
    assert f"?version={version}".encode() in body


def test_new_file_joins_site(
    server: reload.ReloadingSiteServer, events: EventStream, app: Path
) -> None:
    events.next()

    (app.parent / "helpers.py").write_text("X = 1\n")
    events.next()

    assert get(server, "/helpers.py") == (200, b"X = 1\n")
    _, body = get(server, "/")
    assert b'files="helpers.py"' in body


def test_failed_rebuild_sends_error(
    server: reload.ReloadingSiteServer, events: EventStream, app: Path
) -> None:
    first = events.next()[1]

    (app.parent / "requirements.txt").write_text("-r more.txt\n")

    name, message = events.next()
    assert name == "site-error"
    assert "'-r more.txt' is not supported in the browser" in message
    assert get(server, "/")[0] == 200

    (app.parent / "requirements.txt").write_text("\n")

    name, version = events.next()
    assert name == "version"
    assert version != first


def test_new_stream_gets_current_error(
    server: reload.ReloadingSiteServer, events: EventStream, app: Path
) -> None:
    events.next()
    app.unlink()
    assert events.next()[0] == "site-error"

    late = EventStream(server)
    try:
        assert late.next() == ("version", server.version)
        name, message = late.next()
    finally:
        late.close()

    assert name == "site-error"
    assert "App file not found" in message


def test_close_ends_streams(server: reload.ReloadingSiteServer) -> None:
    stream = EventStream(server)
    stream.next()

    started = time.monotonic()
    server.shutdown()
    server.server_close()

    assert time.monotonic() - started < 2
    assert stream.response.fp.read() == b""
    stream.close()


def test_add_reload_client_keeps_site(tmp_path: Path) -> None:
    pages: site.Site = {"index.html": site.render_index("app.py"), "app.py": b""}
    client = tmp_path / "reload.js"

    served = reload.add_reload_client(pages, client, "v1")

    assert served["__lite/reload.js"] == client
    assert b'src="__lite/reload.js?version=v1"></script>\n</head>' in served["index.html"]  # type: ignore[operator]
    assert b"__lite" not in pages["index.html"]  # type: ignore[operator]


def test_default_watch(tmp_path: Path, app: Path) -> None:
    folders = reload.default_watch(app, tmp_path / "no-dist", site.PACKAGE_DIR)

    assert folders == [app.parent, site.PACKAGE_DIR]
