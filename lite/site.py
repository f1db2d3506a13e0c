"""Assemble the static site that runs an app in the browser, and serve it.

A site is a mapping from URL path to content. The path is relative to the site root and
uses forward slashes (``"index.html"``, ``"lite/worker.js"``). The content is either a
file on disk, read when it is sent or copied, or bytes made in memory. ``lite serve``
hands the mapping to `SiteServer`, and ``lite build`` writes it to a folder with
`write_site`, so both produce the layout described in docs/architecture.md.

No Python of the app runs here: the server only sends files, and the app runs in
Pyodide in the browser.
"""

from __future__ import annotations

import base64
import dataclasses
import email.utils
import hashlib
import html
import http.server
import io
import json
import logging
import mimetypes
import os
import re
import shutil
import sys
import tomllib
import urllib.parse
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "AppFolderTooLargeError",
    "AppNotFoundError",
    "PathConflictError",
    "Requirements",
    "RequirementsFileError",
    "Runtime",
    "RuntimeMissingError",
    "SiteError",
    "SiteServer",
    "assemble_site",
    "engine_wheel",
    "find_runtime",
    "read_requirements",
    "render_index",
    "write_site",
]

logger = logging.getLogger("lite")

Site = dict[str, Path | bytes]

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent

PAGE_FILES = ("lite.js", "lite.css", "worker.js")
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
# Pyodide's lock file names these packages, but the npm package does not contain their
# wheels. Setup downloads them from PyPI and writes a lock file with their real hashes.
VENDORED_PACKAGES = ("micropip", "packaging")
PYODIDE_CDN_URL = "https://cdn.jsdelivr.net/pyodide/v{version}/full/"

# Paths under these names belong to the runtime, so app files may not use them.
# ``lite serve`` sends its reload script and events under ``__lite``.
RESERVED_PATHS = ("index.html", "lite", "pyodide", "__lite")
REQUIREMENTS_FILE = "requirements.txt"
SKIPPED_DIRS = {"__pycache__", "node_modules"}
MAX_APP_FILES = 1000

SETUP_HINT = "Run scripts/setup to build the renderer and fetch the Pyodide runtime."


class SiteError(Exception):
    """Base class of the errors raised while assembling a site."""


class AppNotFoundError(SiteError):
    """The app file does not exist or is not a file."""


class RuntimeMissingError(SiteError):
    """Built renderer files or Pyodide runtime files are missing."""


class PathConflictError(SiteError):
    """A file in the app folder has a URL path that the runtime uses."""


class AppFolderTooLargeError(SiteError):
    """The app folder contains more files than a site should carry."""


class RequirementsFileError(SiteError):
    """The app's requirements.txt has a line that the browser cannot follow."""


@dataclasses.dataclass(frozen=True)
class Requirements:
    """Packages the page installs with micropip before the app starts.

    Attributes:
        requirements: PEP 508 requirements, or wheel URLs relative to the app.
        index_urls: package indexes to search in order, or empty for micropip's
            default, PyPI.
    """

    requirements: tuple[str, ...] = ()
    index_urls: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Runtime:
    """Folders that contain the files the page needs besides the app.

    Attributes:
        dist: the renderer bundle (``lite.js``, ``lite.css``, ``worker.js``).
        pyodide: the ``pyodide`` npm package.
        vendor: the wheels of `VENDORED_PACKAGES` and the lock file that lists their
            real hashes.
    """

    dist: Path
    pyodide: Path
    vendor: Path

    @property
    def pyodide_version(self) -> str:
        """Version of the ``pyodide`` npm package, such as ``"314.0.8"``."""
        package_json = self.pyodide / "package.json"
        if not package_json.is_file():
            raise RuntimeMissingError(f"Missing {package_json}. {SETUP_HINT}")
        version: str = json.loads(package_json.read_text("utf-8"))["version"]
        return version


def find_runtime() -> Runtime:
    """Return the runtime folders of the source checkout that contains this package."""
    # NOTE: the assets exist only in a source checkout, after scripts/setup. An
    # installed (non-checkout) lite package does not carry web/dist, Pyodide or the
    # vendored wheels yet, so serve and build work only from a checkout.
    web = REPO_ROOT / "web"
    return Runtime(
        dist=web / "dist",
        pyodide=web / "node_modules" / "pyodide",
        vendor=web / "vendor",
    )


def assemble_site(
    app: Path, *, runtime: Runtime | None = None, pyodide_cdn: bool = False
) -> Site:
    """Build the mapping from URL path to content for one app.

    Args:
        app: the app's Python file. Every other file in its folder is part of the site
            too, except hidden files and folders, ``__pycache__`` and ``node_modules``,
            and the page writes them next to the app before it starts. The folder's
            ``requirements.txt``, when there is one, lists what the page installs.
        runtime: where the renderer and Pyodide files come from; `find_runtime` by
            default.
        pyodide_cdn: load Pyodide from its CDN instead of copying it into the site.

    Returns:
        The site, with ``index.html`` first.

    Raises:
        AppNotFoundError: ``app`` is not a file.
        RuntimeMissingError: a renderer or Pyodide file is missing.
        PathConflictError: an app file would take a URL path of the runtime.
        RequirementsFileError: the app folder's requirements.txt has a line that
            the page cannot install.
        AppFolderTooLargeError: the app folder contains more than `MAX_APP_FILES`
            files, which suggests that it is not a folder of its own.
    """
    if not app.is_file():
        raise AppNotFoundError(f"App file not found: {app}")
    runtime = runtime or find_runtime()
    app = app.resolve()

    pyodide_url = None
    if pyodide_cdn:
        pyodide_url = PYODIDE_CDN_URL.format(version=runtime.pyodide_version)
    app_files = collect_app_files(app.parent)
    index = render_index(
        app.name,
        pyodide_url,
        files=[path for path in app_files if path != app.name],
        requirements=read_requirements(app.parent / REQUIREMENTS_FILE),
    )
    site: Site = {"index.html": index}
    site.update(app_files)
    site.update(collect_page_files(runtime))
    site["lite/engine.whl"] = engine_wheel()
    if not pyodide_cdn:
        site.update(collect_pyodide_files(runtime))
    return site


def render_index(
    app_name: str,
    pyodide_url: str | None = None,
    *,
    files: Iterable[str] = (),
    requirements: Requirements = Requirements(),
) -> bytes:
    """Return the HTML of the page that loads the renderer and runs ``app_name``.

    Args:
        app_name: URL path of the app file, relative to the page.
        pyodide_url: where the page loads Pyodide from, when not ``pyodide/``.
        files: URL paths of the other app files, which the page fetches and writes
            next to the app.
        requirements: what the page installs with micropip first.
    """
    title = Path(app_name).stem.replace("_", " ").replace("-", " ").strip()
    title = title[:1].upper() + title[1:]
    attributes = [("src", urllib.parse.quote(app_name))]
    file_list = " ".join(urllib.parse.quote(path) for path in files)
    if file_list:
        attributes.append(("files", file_list))
    if requirements.requirements:
        attributes.append(("requirements", _requirements_attribute(requirements)))
    if requirements.index_urls:
        attributes.append(("index-url", " ".join(requirements.index_urls)))
    if pyodide_url:
        attributes.append(("pyodide-url", pyodide_url))
    element = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes)
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title or app_name)}</title>
<link rel="icon" href="data:,">
<script type="module" src="lite/lite.js"></script>
</head>
<body>
<lite-app {element}></lite-app>
</body>
</html>
"""
    return page.encode("utf-8")


def _requirements_attribute(requirements: Requirements) -> str:
    # The page splits the attribute at spaces, and an environment marker runs to
    # the end of its line, so a requirement with a marker gets a line of its own.
    text = ""
    for requirement in requirements.requirements:
        if text and not text.endswith("\n"):
            text += " "
        text += requirement + ("\n" if ";" in requirement else "")
    return text.strip()


def read_requirements(path: Path) -> Requirements:
    """Read a pip requirements file, as far as the page can follow it.

    Requirement lines, comments, line continuations and the ``-i``/``--index-url``
    and ``--extra-index-url`` options are read. ``--extra-index-url`` without
    ``--index-url`` searches PyPI first, as pip does. A missing file means no
    requirements.

    Raises:
        RequirementsFileError: a line has another option, such as ``-r`` or
            ``--hash``, which micropip cannot follow.
    """
    if not path.is_file():
        return Requirements()
    requirements: list[str] = []
    index_url: str | None = None
    extra_urls: list[str] = []
    for number, line in _logical_lines(path.read_text("utf-8")):
        if not line.startswith("-"):
            requirements.append(_normalize_requirement(line))
            continue
        option, _, value = line.replace("=", " ", 1).partition(" ")
        value = value.strip()
        if option in ("-i", "--index-url") and value:
            index_url = value
        elif option == "--extra-index-url" and value:
            extra_urls.append(value)
        else:
            raise RequirementsFileError(
                f"{path}, line {number}: {line!r} is not supported in the browser. "
                "Only requirements, --index-url and --extra-index-url are."
            )
    index_urls: list[str] = []
    if index_url or extra_urls:
        index_urls = [index_url or "PYPI", *extra_urls]
    return Requirements(tuple(requirements), tuple(index_urls))


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of each line, joined and without comments."""
    pending = ""
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if not pending:
            start = number
        # As in pip, "#" starts a comment at the start of a line or after a space.
        line = re.sub(r"(^|\s)#.*$", "", raw)
        if line.endswith("\\"):
            pending += line[:-1]
            continue
        line, pending = (pending + line).strip(), ""
        if line:
            yield start, line
    if pending.strip():
        yield start, pending.strip()


def _normalize_requirement(line: str) -> str:
    # Spaces before a marker carry no meaning, and without them the page's split
    # at spaces keeps the requirement whole.
    body, semicolon, marker = line.partition(";")
    return re.sub(r"\s+", "", body) + (f"; {marker.strip()}" if semicolon else "")


def collect_app_files(folder: Path) -> dict[str, Path]:
    """Map every public file in the app folder to its URL path."""
    files: dict[str, Path] = {}
    for path in _walk_public_files(folder):
        url_path = path.relative_to(folder).as_posix()
        if url_path.split("/")[0] in RESERVED_PATHS:
            raise PathConflictError(
                f"{path} would be served at /{url_path}, which the runtime uses. "
                "Move the app and its files into a folder of their own."
            )
        files[url_path] = path
        if len(files) > MAX_APP_FILES:
            raise AppFolderTooLargeError(
                f"The app folder {folder} contains more than {MAX_APP_FILES} files, "
                "and all of them would be served. Move the app and its files into a "
                "folder of their own."
            )
    return files


def _walk_public_files(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
        )
        for name in sorted(names):
            if not name.startswith(".") and not name.endswith(".pyc"):
                yield Path(root, name)


def collect_page_files(runtime: Runtime) -> dict[str, Path]:
    """Map the renderer bundle to ``lite/``."""
    _require_files(runtime.dist, PAGE_FILES)
    return {f"lite/{name}": runtime.dist / name for name in PAGE_FILES}


def collect_pyodide_files(runtime: Runtime) -> dict[str, Path]:
    """Map the Pyodide runtime, the vendored wheels and their lock file to ``pyodide/``.

    The lock file is the copy that setup wrote into the vendor folder. Pyodide resolves
    the wheel names in a lock file against the lock file's own folder, so the wheels sit
    next to it.
    """
    _require_files(runtime.pyodide, PYODIDE_FILES)
    files = {f"pyodide/{name}": runtime.pyodide / name for name in PYODIDE_FILES}

    lock_path = runtime.vendor / "pyodide-lock.json"
    _require_files(runtime.vendor, ("pyodide-lock.json",))
    lock = json.loads(lock_path.read_text("utf-8"))
    npm_lock = json.loads((runtime.pyodide / "pyodide-lock.json").read_text("utf-8"))
    if lock["info"] != npm_lock["info"]:
        raise RuntimeMissingError(
            f"{lock_path} was written for another Pyodide version. {SETUP_HINT}"
        )
    wheel_names = [lock["packages"][name]["file_name"] for name in VENDORED_PACKAGES]
    _require_files(runtime.vendor, wheel_names)

    files["pyodide/pyodide-lock.json"] = lock_path
    for name in wheel_names:
        files[f"pyodide/{name}"] = runtime.vendor / name
    return files


def _require_files(folder: Path, names: tuple[str, ...] | list[str]) -> None:
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise RuntimeMissingError(
            f"Missing in {folder}: {', '.join(missing)}. {SETUP_HINT}"
        )


_wheel_cache: dict[str, bytes] = {}


def engine_wheel() -> bytes:
    """Return a pure-Python wheel of the ``lite`` package, built from this checkout.

    The wheel is built with `zipfile` in a few milliseconds, and cached for the life of
    the process by a hash of the package files, so an edit to ``lite/`` gives a new
    wheel on the next call. Entries carry a fixed timestamp, so the same files always
    give the same bytes.
    """
    files = {
        path.relative_to(PACKAGE_DIR.parent).as_posix(): path.read_bytes()
        for path in _walk_public_files(PACKAGE_DIR)
    }
    digest = hashlib.sha256()
    for name, data in files.items():
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    key = digest.hexdigest()
    if key not in _wheel_cache:
        _wheel_cache.clear()
        _wheel_cache[key] = _build_wheel(files)
    return _wheel_cache[key]


def _build_wheel(files: dict[str, bytes]) -> bytes:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))
    project = project["project"]
    name, version = project["name"], project["version"]
    dist_info = f"{name}-{version}.dist-info"

    files = dict(files)
    files[f"{dist_info}/METADATA"] = (
        "Metadata-Version: 2.1\n"
        f"Name: {name}\n"
        f"Version: {version}\n"
        f"Summary: {project.get('description', '')}\n"
        f"Requires-Python: {project.get('requires-python', '')}\n"
    ).encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\n"
        b"Generator: lite.site\n"
        b"Root-Is-Purelib: true\n"
        b"Tag: py3-none-any\n"
    )
    record = [
        f"{path},{_record_hash(data)},{len(data)}" for path, data in files.items()
    ]
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def write_site(site: Mapping[str, Path | bytes], folder: Path) -> int:
    """Write every file of ``site`` below ``folder`` and return their total size.

    Returns:
        The size of the written files in bytes.
    """
    total = 0
    for url_path, content in site.items():
        target = folder / url_path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            shutil.copyfile(content, target)
        total += target.stat().st_size
    return total


CONTENT_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".py": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
}

# Cross-origin isolation makes SharedArrayBuffer available, which the worker needs to
# interrupt running Python.
ISOLATION_HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def content_type(url_path: str) -> str:
    """Return the Content-Type header value for a URL path, by its extension."""
    suffix = Path(url_path).suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    guessed = mimetypes.guess_type(url_path)[0] or "application/octet-stream"
    if guessed.startswith("text/"):
        return f"{guessed}; charset=utf-8"
    return guessed


class SiteServer(http.server.ThreadingHTTPServer):
    """HTTP server that sends the files of one site and nothing else.

    Files on disk are read on each request, so an edit to an app file shows on the
    next page load. A file added to the app folder needs a new server.
    """

    def __init__(
        self, site: Mapping[str, Path | bytes], address: tuple[str, int]
    ) -> None:
        self.site = dict(site)
        super().__init__(address, SiteRequestHandler)

    @property
    def url(self) -> str:
        """URL of the site root, such as ``http://127.0.0.1:8000/``."""
        host, port = self.socket.getsockname()[:2]
        return f"http://{host}:{port}/"

    def handle_error(self, request: object, client_address: object) -> None:
        # Browsers drop connections they no longer need, for example on reload.
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        logger.exception("Request from %s failed", client_address)


class SiteRequestHandler(http.server.BaseHTTPRequestHandler):
    """Request handler that serves GET and HEAD requests from the site mapping."""

    server: SiteServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._send(include_body=True)

    def do_HEAD(self) -> None:
        self._send(include_body=False)

    def end_headers(self) -> None:
        for name, value in ISOLATION_HEADERS.items():
            self.send_header(name, value)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if isinstance(code, int) and code >= 400:
            logger.warning("%s %s: %s", self.command, self.path, code)

    def log_error(self, format: str, *args: object) -> None:
        # send_error calls this too, and log_request already reported those requests.
        pass

    def _send(self, include_body: bool) -> None:
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        url_path = url_path.lstrip("/")
        if url_path == "" or url_path.endswith("/"):
            url_path += "index.html"
        content = self.server.site.get(url_path)
        try:
            body, size, etag, modified = _open_content(content)
        except FileNotFoundError:
            self.send_error(404, f"Not found: /{url_path}")
            return

        with body:
            if _etag_matches(etag, self.headers.get("If-None-Match", "")):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type(url_path))
            self.send_header("Content-Length", str(size))
            self.send_header("ETag", etag)
            # Browsers keep the files but ask again on each load, so that an edited
            # app or a rebuilt renderer is picked up without a stale mix.
            self.send_header("Cache-Control", "no-cache")
            if modified:
                self.send_header("Last-Modified", modified)
            self.end_headers()
            if include_body:
                shutil.copyfileobj(body, self.wfile)


def _etag_matches(etag: str, if_none_match: str) -> bool:
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates or "*" in candidates


def _open_content(
    content: Path | bytes | None,
) -> tuple[BinaryIO, int, str, str | None]:
    """Open one site entry and return its stream, size, ETag and Last-Modified."""
    if content is None:
        raise FileNotFoundError
    if isinstance(content, bytes):
        etag = f'"{hashlib.sha256(content).hexdigest()[:20]}"'
        return io.BytesIO(content), len(content), etag, None
    stream = content.open("rb")
    stat = os.fstat(stream.fileno())
    etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
    modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
    return stream, stat.st_size, etag, modified
