"""Tests of lite.site: what goes into a site, the engine wheel, and runtime checks.

These tests use a stand-in runtime made of small files, so they run without
scripts/setup. tests/test_cli.py serves the real runtime.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lite import site

VENDORED_WHEELS = {
    "micropip": "micropip-0.11.1-py3-none-any.whl",
    "packaging": "packaging-26.1-py3-none-any.whl",
}


def make_runtime(root: Path) -> site.Runtime:
    """Create a runtime whose files have the right names and placeholder contents."""
    runtime = site.Runtime(
        dist=root / "dist", pyodide=root / "pyodide", vendor=root / "vendor"
    )
    for folder in (runtime.dist, runtime.pyodide, runtime.vendor):
        folder.mkdir(parents=True)
    for name in site.PAGE_FILES:
        (runtime.dist / name).write_text(f"// {name}\n")
    for name in site.PYODIDE_FILES:
        (runtime.pyodide / name).write_bytes(b"placeholder")
    (runtime.pyodide / "package.json").write_text('{"version": "314.0.8"}')

    lock = {
        "info": {"python": "3.14.2"},
        "packages": {
            name: {"file_name": file_name, "sha256": "0" * 64}
            for name, file_name in VENDORED_WHEELS.items()
        },
    }
    (runtime.pyodide / "pyodide-lock.json").write_text(json.dumps(lock))
    (runtime.vendor / "pyodide-lock.json").write_text(json.dumps(lock))
    for file_name in VENDORED_WHEELS.values():
        (runtime.vendor / file_name).write_bytes(b"wheel")
    return runtime


@pytest.fixture
def runtime(tmp_path: Path) -> site.Runtime:
    return make_runtime(tmp_path / "runtime")


@pytest.fixture
def app(tmp_path: Path) -> Path:
    """An app folder with a helper module, a data file and files that stay private."""
    folder = tmp_path / "app"
    (folder / "data").mkdir(parents=True)
    (folder / "__pycache__").mkdir()
    (folder / ".git").mkdir()
    (folder / "node_modules" / "x").mkdir(parents=True)
    (folder / "todo_list.py").write_text("import gradio as gr\n")
    (folder / "helpers.py").write_text("X = 1\n")
    (folder / "data" / "words.txt").write_text("a\nb\n")
    (folder / ".env").write_text("TOKEN=1\n")
    (folder / "__pycache__" / "helpers.cpython-311.pyc").write_bytes(b"\0")
    (folder / "helpers.pyc").write_bytes(b"\0")
    (folder / ".git" / "config").write_text("[core]\n")
    (folder / "node_modules" / "x" / "index.js").write_text("\n")
    return folder / "todo_list.py"


def test_site_layout(app: Path, runtime: site.Runtime) -> None:
    pages = site.assemble_site(app, runtime=runtime)

    assert sorted(pages) == [
        "data/words.txt",
        "helpers.py",
        "index.html",
        "lite/engine.whl",
        "lite/lite.css",
        "lite/lite.js",
        "lite/worker.js",
        "pyodide/micropip-0.11.1-py3-none-any.whl",
        "pyodide/packaging-26.1-py3-none-any.whl",
        "pyodide/pyodide-lock.json",
        "pyodide/pyodide.asm.mjs",
        "pyodide/pyodide.asm.wasm",
        "pyodide/pyodide.mjs",
        "pyodide/python_stdlib.zip",
        "todo_list.py",
    ]
    assert pages["pyodide/pyodide-lock.json"] == runtime.vendor / "pyodide-lock.json"
    assert pages["lite/worker.js"] == runtime.dist / "worker.js"


def test_site_index_page(app: Path, runtime: site.Runtime) -> None:
    page = site.assemble_site(app, runtime=runtime)["index.html"]

    assert isinstance(page, bytes)
    text = page.decode()
    assert text.count("<script") == 1
    assert '<script type="module" src="lite/lite.js"></script>' in text
    assert '<lite-app src="todo_list.py" files="helpers.py data/words.txt">' in text
    assert "<title>Todo list</title>" in text


def test_site_index_without_other_files(tmp_path: Path, runtime: site.Runtime) -> None:
    app = tmp_path / "alone" / "app.py"
    app.parent.mkdir()
    app.write_text("import gradio as gr\n")

    text = site.assemble_site(app, runtime=runtime)["index.html"].decode()  # type: ignore[union-attr]

    assert '<lite-app src="app.py"></lite-app>' in text


def test_site_index_requirements(app: Path, runtime: site.Runtime) -> None:
    (app.parent / "requirements.txt").write_text(
        "--index-url https://index.test/simple\nfoo >= 1, < 2\nbar\n"
    )

    text = site.assemble_site(app, runtime=runtime)["index.html"].decode()  # type: ignore[union-attr]

    assert 'requirements="foo&gt;=1,&lt;2 bar"' in text
    assert 'index-url="https://index.test/simple"' in text
    assert "requirements.txt" in text.split('files="')[1].split('"')[0]


def test_index_quotes_file_names() -> None:
    text = site.render_index("app.py", files=["a b.txt", "data/x&y.csv"]).decode()

    assert 'files="a%20b.txt data/x%26y.csv"' in text


def test_index_puts_marker_on_own_line() -> None:
    wanted = site.Requirements(("a", 'b; python_version < "4"', "c"))

    text = site.render_index("app.py", requirements=wanted).decode()

    assert 'requirements="a b; python_version &lt; &quot;4&quot;\nc"' in text


def write_requirements(tmp_path: Path, text: str) -> site.Requirements:
    path = tmp_path / "requirements.txt"
    path.write_text(text)
    return site.read_requirements(path)


def test_read_requirements_lines(tmp_path: Path) -> None:
    found = write_requirements(
        tmp_path,
        "# tools\n"
        "foo >= 1.0, < 2  # pinned\n"
        "\n"
        "bar [cli, extra]\n"
        'baz ; python_version < "3.20"\n'
        "qux @ https://host.test/qux-1.0-py3-none-any.whl#sha256=00\n"
        "wheels/local-1.0-py3-none-any.whl\n"
        "long \\\n"
        "  == 3\n",
    )

    assert found.requirements == (
        "foo>=1.0,<2",
        "bar[cli,extra]",
        'baz; python_version < "3.20"',
        "qux@https://host.test/qux-1.0-py3-none-any.whl#sha256=00",
        "wheels/local-1.0-py3-none-any.whl",
        "long==3",
    )
    assert found.index_urls == ()


@pytest.mark.parametrize(
    ("options", "index_urls"),
    [
        ("-i https://a.test/simple", ("https://a.test/simple",)),
        ("--index-url=https://a.test/simple", ("https://a.test/simple",)),
        ("--extra-index-url https://b.test/simple", ("PYPI", "https://b.test/simple")),
        (
            "--extra-index-url https://b.test/simple\n--index-url https://a.test/simple",
            ("https://a.test/simple", "https://b.test/simple"),
        ),
    ],
)
def test_read_requirements_index_urls(
    tmp_path: Path, options: str, index_urls: tuple[str, ...]
) -> None:
    assert write_requirements(tmp_path, f"{options}\nfoo\n").index_urls == index_urls


@pytest.mark.parametrize("line", ["-r other.txt", "--hash=sha256:00", "-e .", "-i"])
def test_read_requirements_rejects_option(tmp_path: Path, line: str) -> None:
    with pytest.raises(site.RequirementsFileError, match=r"line 2: .* not supported"):
        write_requirements(tmp_path, f"foo\n{line}\n")


def test_read_requirements_missing_file(tmp_path: Path) -> None:
    assert site.read_requirements(tmp_path / "requirements.txt") == site.Requirements()


def test_index_escapes_app_name() -> None:
    text = site.render_index('a "b" & c.py').decode()

    assert '<lite-app src="a%20%22b%22%20%26%20c.py">' in text
    assert "<title>A &quot;b&quot; &amp; c</title>" in text


def test_site_pyodide_cdn(app: Path, runtime: site.Runtime) -> None:
    pages = site.assemble_site(app, runtime=runtime, pyodide_cdn=True)

    assert not [path for path in pages if path.startswith("pyodide/")]
    text = pages["index.html"].decode()  # type: ignore[union-attr]
    assert 'pyodide-url="https://cdn.jsdelivr.net/pyodide/v314.0.8/full/"' in text


def test_site_cdn_needs_no_runtime_files(app: Path, runtime: site.Runtime) -> None:
    (runtime.pyodide / "pyodide.asm.wasm").unlink()
    (runtime.vendor / "pyodide-lock.json").unlink()

    pages = site.assemble_site(app, runtime=runtime, pyodide_cdn=True)

    assert "lite/lite.js" in pages


def test_site_missing_app(tmp_path: Path, runtime: site.Runtime) -> None:
    with pytest.raises(site.AppNotFoundError, match="App file not found: .*nope.py"):
        site.assemble_site(tmp_path / "nope.py", runtime=runtime)


def test_site_app_is_folder(tmp_path: Path, runtime: site.Runtime) -> None:
    with pytest.raises(site.AppNotFoundError, match="App file not found"):
        site.assemble_site(tmp_path, runtime=runtime)


@pytest.mark.parametrize(
    ("folder", "name"),
    [
        ("dist", "worker.js"),
        ("pyodide", "pyodide.asm.wasm"),
        ("vendor", "pyodide-lock.json"),
        ("vendor", "micropip-0.11.1-py3-none-any.whl"),
    ],
)
def test_site_missing_runtime_file(
    app: Path, runtime: site.Runtime, folder: str, name: str
) -> None:
    (getattr(runtime, folder) / name).unlink()

    with pytest.raises(site.RuntimeMissingError) as caught:
        site.assemble_site(app, runtime=runtime)

    assert f": {name}. " in str(caught.value)
    assert "Run scripts/setup" in str(caught.value)


def test_site_stale_vendor_lock(app: Path, runtime: site.Runtime) -> None:
    npm_lock = runtime.pyodide / "pyodide-lock.json"
    lock = json.loads(npm_lock.read_text())
    lock["info"]["python"] = "3.15.0"
    npm_lock.write_text(json.dumps(lock))

    with pytest.raises(site.RuntimeMissingError, match="another Pyodide version"):
        site.assemble_site(app, runtime=runtime)


@pytest.mark.parametrize("name", ["index.html", "lite", "pyodide", "__lite"])
def test_site_reserved_path(app: Path, runtime: site.Runtime, name: str) -> None:
    if name == "index.html":
        (app.parent / name).write_text("<p>")
    else:
        (app.parent / name).mkdir()
        (app.parent / name / "x.py").write_text("\n")

    with pytest.raises(site.PathConflictError, match=f"served at /{name}"):
        site.assemble_site(app, runtime=runtime)


def test_site_too_many_files(
    app: Path, runtime: site.Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site, "MAX_APP_FILES", 2)

    with pytest.raises(site.AppFolderTooLargeError, match="more than 2 files"):
        site.assemble_site(app, runtime=runtime)


def test_write_site(tmp_path: Path, app: Path, runtime: site.Runtime) -> None:
    pages = site.assemble_site(app, runtime=runtime)

    size = site.write_site(pages, tmp_path / "out")

    written = sorted(
        path.relative_to(tmp_path / "out").as_posix()
        for path in (tmp_path / "out").rglob("*")
        if path.is_file()
    )
    assert written == sorted(pages)
    files = [path for path in (tmp_path / "out").rglob("*") if path.is_file()]
    assert size == sum(path.stat().st_size for path in files)


@pytest.mark.parametrize(
    ("url_path", "expected"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("lite/lite.js", "text/javascript; charset=utf-8"),
        ("pyodide/pyodide.mjs", "text/javascript; charset=utf-8"),
        ("lite/lite.css", "text/css; charset=utf-8"),
        ("pyodide/pyodide.asm.wasm", "application/wasm"),
        ("lite/engine.whl", "application/zip"),
        ("pyodide/python_stdlib.zip", "application/zip"),
        ("pyodide/pyodide-lock.json", "application/json; charset=utf-8"),
        ("app.py", "text/plain; charset=utf-8"),
        ("data/table.csv", "text/csv; charset=utf-8"),
        ("image.png", "image/png"),
        ("blob.unknown-extension", "application/octet-stream"),
    ],
)
def test_content_type(url_path: str, expected: str) -> None:
    assert site.content_type(url_path) == expected


def read_wheel(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_engine_wheel_contents() -> None:
    files = read_wheel(site.engine_wheel())

    assert files["lite/site.py"] == (site.PACKAGE_DIR / "site.py").read_bytes()
    assert "lite/py.typed" in files
    assert not [name for name in files if name.endswith(".pyc")]
    wheel_info = files["lite-0.1.0.dist-info/WHEEL"].decode()
    assert "Root-Is-Purelib: true" in wheel_info
    assert "Tag: py3-none-any" in wheel_info


def test_engine_wheel_record_hashes() -> None:
    files = read_wheel(site.engine_wheel())
    record = files.pop("lite-0.1.0.dist-info/RECORD").decode().splitlines()

    rows = dict(line.split(",", 1) for line in record)
    assert rows.pop("lite-0.1.0.dist-info/RECORD") == ","
    assert sorted(rows) == sorted(files)
    for name, row in rows.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(files[name]).digest())
        assert row == f"sha256={digest.rstrip(b'=').decode()},{len(files[name])}", name


def test_engine_wheel_is_reproducible() -> None:
    first = site.engine_wheel()
    site._wheel_cache.clear()

    assert site.engine_wheel() == first


def test_engine_wheel_follows_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "lite"
    package.mkdir()
    (package / "__init__.py").write_text("A = 1\n")
    monkeypatch.setattr(site, "PACKAGE_DIR", package)

    before = read_wheel(site.engine_wheel())
    (package / "__init__.py").write_text("A = 2\n")
    after = read_wheel(site.engine_wheel())

    assert before["lite/__init__.py"] == b"A = 1\n"
    assert after["lite/__init__.py"] == b"A = 2\n"


def test_engine_wheel_imports_from_zip(tmp_path: Path) -> None:
    """The worker puts the wheel itself on sys.path, without installing it.

    ``-S`` keeps the editable install of the checkout off the import path.
    """
    wheel = tmp_path / "engine.whl"
    wheel.write_bytes(site.engine_wheel())
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "import lite.site; print(lite.site.__file__)"
    )

    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code, str(wheel)],
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == str(wheel / "lite" / "site.py")


def test_engine_wheel_installs_with_pip(tmp_path: Path) -> None:
    wheel = tmp_path / "lite-0.1.0-py3-none-any.whl"
    wheel.write_bytes(site.engine_wheel())
    target = tmp_path / "target"

    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )

    assert (target / "lite" / "site.py").read_bytes() == (
        site.PACKAGE_DIR / "site.py"
    ).read_bytes()
    assert (target / "lite-0.1.0.dist-info" / "METADATA").is_file()
