"""Tests of the lite command: ``serve`` over real HTTP, and ``build``.

The served site uses the real runtime from web/, so scripts/setup must have run.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from lite import cli, site

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app(tmp_path: Path) -> Path:
    folder = tmp_path / "app"
    (folder / "__pycache__").mkdir(parents=True)
    (folder / "todo_list.py").write_text("import gradio as gr\n")
    (folder / "helpers.py").write_text("X = 1\n")
    (folder / ".env").write_text("TOKEN=1\n")
    (folder / "__pycache__" / "helpers.cpython-311.pyc").write_bytes(b"\0")
    return folder / "todo_list.py"


@pytest.fixture
def server(app: Path) -> Iterator[site.SiteServer]:
    server = site.SiteServer(site.assemble_site(app), ("127.0.0.1", 0))
    # A short poll interval makes shutdown() return quickly.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def fetch(
    server: site.SiteServer, path: str, method: str = "GET", **headers: str
) -> tuple[http.client.HTTPResponse, bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=10)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def test_serve_index_page(server: site.SiteServer) -> None:
    response, body = fetch(server, "/")

    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert b'<script type="module" src="lite/lite.js"></script>' in body
    assert b'<lite-app src="todo_list.py" files="helpers.py"></lite-app>' in body
    assert b"<title>Todo list</title>" in body


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/index.html", "text/html; charset=utf-8"),
        ("/todo_list.py", "text/plain; charset=utf-8"),
        ("/helpers.py", "text/plain; charset=utf-8"),
        ("/lite/lite.js", "text/javascript; charset=utf-8"),
        ("/lite/lite.css", "text/css; charset=utf-8"),
        ("/lite/worker.js", "text/javascript; charset=utf-8"),
        ("/lite/engine.whl", "application/zip"),
        ("/pyodide/pyodide.mjs", "text/javascript; charset=utf-8"),
        ("/pyodide/pyodide.asm.mjs", "text/javascript; charset=utf-8"),
        ("/pyodide/pyodide.asm.wasm", "application/wasm"),
        ("/pyodide/python_stdlib.zip", "application/zip"),
        ("/pyodide/pyodide-lock.json", "application/json; charset=utf-8"),
    ],
)
def test_serve_asset(server: site.SiteServer, path: str, content_type: str) -> None:
    response, body = fetch(server, path)

    assert response.status == 200
    assert response.getheader("Content-Type") == content_type
    assert int(response.getheader("Content-Length", "-1")) == len(body)
    assert len(body) > 0


def test_serve_vendored_wheels(server: site.SiteServer) -> None:
    """The lock file's micropip and packaging wheels are served next to it."""
    _, body = fetch(server, "/pyodide/pyodide-lock.json")
    packages = json.loads(body)["packages"]

    for name in site.VENDORED_PACKAGES:
        response, wheel = fetch(server, f"/pyodide/{packages[name]['file_name']}")
        assert response.status == 200, name
        assert response.getheader("Content-Type") == "application/zip"
        assert hashlib.sha256(wheel).hexdigest() == packages[name]["sha256"], name


@pytest.mark.parametrize(
    "path", ["/", "/lite/worker.js", "/pyodide/pyodide.asm.wasm", "/missing"]
)
def test_serve_isolation_headers(server: site.SiteServer, path: str) -> None:
    response, _ = fetch(server, path)

    assert response.getheader("Cross-Origin-Opener-Policy") == "same-origin"
    assert response.getheader("Cross-Origin-Embedder-Policy") == "require-corp"
    assert response.getheader("Cross-Origin-Resource-Policy") == "same-origin"


@pytest.mark.parametrize(
    "path",
    [
        "/missing.py",
        "/.env",
        "/__pycache__/helpers.cpython-311.pyc",
        "/lite/",
        "/../todo_list.py",
    ],
)
def test_serve_unknown_path_404(server: site.SiteServer, path: str) -> None:
    response, _ = fetch(server, path)

    assert response.status == 404


def test_serve_head(server: site.SiteServer) -> None:
    response, body = fetch(server, "/lite/engine.whl", method="HEAD")

    assert response.status == 200
    assert int(response.getheader("Content-Length", "0")) > 0
    assert body == b""


@pytest.mark.parametrize("path", ["/todo_list.py", "/lite/engine.whl"])
def test_serve_not_modified(server: site.SiteServer, path: str) -> None:
    first, _ = fetch(server, path)
    etag = first.getheader("ETag")
    assert etag

    again, body = fetch(server, path, **{"If-None-Match": etag})

    assert again.status == 304
    assert body == b""
    assert again.getheader("Cross-Origin-Embedder-Policy") == "require-corp"


def test_serve_reads_edited_app(server: site.SiteServer, app: Path) -> None:
    app.write_text("import gradio as gr  # edited\n")

    _, body = fetch(server, "/todo_list.py")

    assert body == b"import gradio as gr  # edited\n"


def test_cli_missing_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["serve", str(tmp_path / "nope.py")])

    assert code == 2
    assert f"App file not found: {tmp_path / 'nope.py'}" in capsys.readouterr().err


def test_cli_missing_runtime(
    tmp_path: Path,
    app: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty = site.Runtime(tmp_path / "dist", tmp_path / "pyodide", tmp_path / "vendor")
    monkeypatch.setattr(site, "find_runtime", lambda: empty)

    code = cli.main(["serve", str(app)])

    assert code == 1
    assert "Run scripts/setup" in capsys.readouterr().err


def test_cli_serve_stops_on_interrupt(app: Path) -> None:
    """``python -m lite serve`` prints its URL, serves, and exits 0 on Ctrl-C."""
    process = subprocess.Popen(
        [sys.executable, "-m", "lite", "serve", str(app), "--port", "0"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line

        connection = http.client.HTTPConnection("127.0.0.1", int(match[1]), timeout=10)
        connection.request("GET", "/todo_list.py")
        assert connection.getresponse().status == 200
        connection.close()

        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=10)
    finally:
        process.kill()
        process.wait()

    assert process.returncode == 0
    assert stderr == ""


def test_cli_build(
    tmp_path: Path, app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out"

    code = cli.main(["build", str(app), "-o", str(output)])

    assert code == 0
    assert (output / "index.html").is_file()
    assert (output / "helpers.py").is_file()
    assert (output / "pyodide" / "pyodide.asm.wasm").is_file()
    assert (output / ".nojekyll").is_file()
    assert not (output / ".env").exists()
    assert re.fullmatch(
        rf"Wrote \d+ files \(\d+\.\d MB\) to {re.escape(str(output))}\n",
        capsys.readouterr().out,
    )


def test_cli_build_pyodide_cdn(tmp_path: Path, app: Path) -> None:
    output = tmp_path / "out"

    code = cli.main(["build", str(app), "-o", str(output), "--pyodide-cdn"])

    assert code == 0
    assert not (output / "pyodide").exists()
    index = (output / "index.html").read_text()
    cdn_url = r"https://cdn\.jsdelivr\.net/pyodide/v[\d.]+/full/"
    assert re.search(f'pyodide-url="{cdn_url}"', index)


def test_cli_build_rejects_full_folder(
    tmp_path: Path, app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out"
    output.mkdir()
    (output / "keep.txt").write_text("mine\n")

    code = cli.main(["build", str(app), "-o", str(output)])

    assert code == 2
    assert "exists and is not empty" in capsys.readouterr().err
    assert sorted(path.name for path in output.iterdir()) == ["keep.txt"]


def test_cli_build_requirements(tmp_path: Path, app: Path) -> None:
    (app.parent / "requirements.txt").write_text(
        "--index-url https://index.test/simple\nfoo==1.0\n"
    )
    output = tmp_path / "out"

    code = cli.main(["build", str(app), "-o", str(output)])

    assert code == 0
    index = (output / "index.html").read_text()
    assert 'requirements="foo==1.0"' in index
    assert 'index-url="https://index.test/simple"' in index


def test_cli_build_rejects_bad_requirements(
    tmp_path: Path, app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (app.parent / "requirements.txt").write_text("-e .\n")

    code = cli.main(["build", str(app), "-o", str(tmp_path / "out")])

    assert code == 1
    assert "line 1: '-e .' is not supported in the browser" in capsys.readouterr().err


def test_cli_build_has_no_reload_client(tmp_path: Path, app: Path) -> None:
    output = tmp_path / "out"

    cli.main(["build", str(app), "-o", str(output)])

    assert "__lite" not in (output / "index.html").read_text()
    assert not (output / "__lite").exists()


def test_cli_serve_reload_flag() -> None:
    parser = cli.build_parser()

    assert parser.parse_args(["serve", "app.py"]).reload is True
    assert parser.parse_args(["serve", "app.py", "--no-reload"]).reload is False


def test_cli_serve_sends_reload_client(app: Path) -> None:
    """``lite serve`` watches the app and serves the reload client and its events."""
    process = subprocess.Popen(
        [sys.executable, "-m", "lite", "serve", str(app), "--port", "0"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", process.stdout.readline())
        assert match
        assert str(app.parent) in process.stdout.readline()

        connection = http.client.HTTPConnection("127.0.0.1", int(match[1]), timeout=10)
        connection.request("GET", "/")
        index = connection.getresponse().read()
        connection.request("GET", "/__lite/reload.js")
        client = connection.getresponse()
        client.read()
        connection.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)

    assert b'<script type="module" src="__lite/reload.js?version=' in index
    assert client.status == 200
    assert client.getheader("Content-Type") == "text/javascript; charset=utf-8"
