"""The development server of ``lite serve``: it reloads the page when files change.

`ReloadingSiteServer` watches folders by polling their files' sizes and modification
times. After a change it assembles the site again, so new files, a new
``requirements.txt`` and edits to the engine are picked up, and sends a ``version``
event to every open page through the Server-Sent Events stream at ``/__lite/events``.
The reload client, ``/__lite/reload.js``, which the server adds to ``index.html``,
reloads a page whose version is older. When the site cannot be assembled after a
change, the pages get a ``site-error`` event with the message instead, and show it.

A built site has none of this: only ``lite serve`` adds the client and the events.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from lite.site import (
    Site,
    SiteError,
    SiteRequestHandler,
    SiteServer,
    _walk_public_files,
)

__all__ = ["ReloadingSiteServer", "add_reload_client", "default_watch", "snapshot"]

logger = logging.getLogger("lite")

EVENTS_PATH = "__lite/events"
CLIENT_PATH = "__lite/reload.js"
POLL_SECONDS = 0.3
KEEPALIVE_SECONDS = 15.0
# Browsers wait this long before they reconnect to a dropped event stream.
RETRY_MS = 500

Snapshot = dict[Path, tuple[int, int]]


def add_reload_client(site: Mapping[str, Path | bytes], client: Path, version: str) -> Site:
    """Return ``site`` with the reload client added to ``index.html``.

    Args:
        site: a site whose ``index.html`` is the page `lite.site.render_index` makes.
        client: the built reload client, ``web/dist/reload.js``.
        version: the version the page is served with; the client reloads the page
            when the server announces another one.
    """
    pages = dict(site)
    index = pages["index.html"]
    text = index.read_bytes() if isinstance(index, Path) else index
    tag = f'<script type="module" src="{CLIENT_PATH}?version={version}"></script>\n'
    pages["index.html"] = text.replace(b"</head>", tag.encode() + b"</head>", 1)
    pages[CLIENT_PATH] = client
    return pages


def snapshot(folders: Iterable[Path]) -> Snapshot:
    """Return the size and modification time of every public file in ``folders``."""
    files: Snapshot = {}
    for folder in folders:
        for path in _walk_public_files(folder):
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue  # deleted while the folder was read
            files[path] = (stat.st_mtime_ns, stat.st_size)
    return files


class ReloadingSiteServer(SiteServer):
    """A `SiteServer` that rebuilds its site and reloads the pages when files change.

    Args:
        build: returns the site; called once here and again after each change.
        client: the built reload client, ``web/dist/reload.js``.
        watch: folders whose files are watched.
        address: host and port to listen on.
        poll_seconds: how often the folders are read.
    """

    def __init__(
        self,
        build: Callable[[], Site],
        client: Path,
        watch: Iterable[Path],
        address: tuple[str, int],
        *,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.build = build
        self.client = client
        self.watched = [Path(folder) for folder in watch]
        self.poll_seconds = poll_seconds
        # The start time is part of the version, so a page served by an earlier run
        # of the server reloads after a restart, when the count starts at 1 again.
        self._run = f"{time.time_ns():x}"
        self._generation = 1
        self.error: str | None = None
        # Guards the site, the generation, the error and closing. It is reentrant,
        # so state() can be called while it is held.
        self.changed = threading.Condition(threading.RLock())
        self.closing = False
        self._files = snapshot(self.watched)
        super().__init__(self._assemble(), address)
        self.RequestHandlerClass = ReloadingRequestHandler
        self._watcher = threading.Thread(
            target=self._watch, name="lite serve: watch", daemon=True
        )
        self._watcher.start()

    @property
    def version(self) -> str:
        """The version of the current site, which pages compare with their own."""
        return f"{self._run}.{self._generation}"

    def state(self) -> tuple[str, str | None]:
        """Return the current version and the message of the last failed rebuild."""
        with self.changed:
            return self.version, self.error

    def rebuild(self) -> None:
        """Assemble the site again and tell the pages, with the new version or the error."""
        try:
            site = self._assemble(self._generation + 1)
        except SiteError as error:
            logger.error("lite: error: %s", error)
            with self.changed:
                self.error = str(error)
                self.changed.notify_all()
            return
        with self.changed:
            self.site = site
            self._generation += 1
            self.error = None
            self.changed.notify_all()

    def server_close(self) -> None:
        with self.changed:
            self.closing = True
            self.changed.notify_all()
        super().server_close()

    def _assemble(self, generation: int | None = None) -> Site:
        version = f"{self._run}.{generation or self._generation}"
        return add_reload_client(self.build(), self.client, version)

    def _watch(self) -> None:
        while not self._wait_closing(self.poll_seconds):
            current = snapshot(self.watched)
            if current == self._files:
                continue
            # Editors often write a file in several steps: wait until it settles.
            while not self._wait_closing(self.poll_seconds / 3):
                settled = snapshot(self.watched)
                if settled == current:
                    break
                current = settled
            changed = sorted(
                path.name
                for path in set(current) | set(self._files)
                if current.get(path) != self._files.get(path)
            )
            self._files = current
            logger.info("Changed: %s. Reloading the page.", ", ".join(changed))
            self.rebuild()

    def _wait_closing(self, seconds: float) -> bool:
        with self.changed:
            self.changed.wait_for(lambda: self.closing, timeout=seconds)
            return self.closing


class ReloadingRequestHandler(SiteRequestHandler):
    """Adds the event stream at ``/__lite/events`` to the site's files."""

    server: ReloadingSiteServer

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0].lstrip("/") == EVENTS_PATH:
            self._stream_events()
        else:
            super().do_GET()

    def _stream_events(self) -> None:
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        server = self.server
        sent: tuple[str, str | None] | None = None
        try:
            self._write(f"retry: {RETRY_MS}\n\n")
            while True:
                state = server.state()
                if state != sent:
                    version, error = state
                    if error is None or sent is None or sent[0] != version:
                        self._write(f"event: version\ndata: {version}\n\n")
                    if error is not None:
                        self._write(_event("site-error", error))
                    sent = state
                with server.changed:
                    woken = server.changed.wait_for(
                        lambda: server.closing or server.state() != sent,
                        timeout=KEEPALIVE_SECONDS,
                    )
                    if server.closing:
                        return
                if not woken:
                    # Keeps proxies from closing a quiet stream.
                    self._write(": keep-alive\n\n")
        except (ConnectionError, OSError):
            return  # the page went away

    def _write(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()


def _event(name: str, data: str) -> str:
    lines = "".join(f"data: {line}\n" for line in data.splitlines() or [""])
    return f"event: {name}\n{lines}\n"


def default_watch(app: Path, runtime_dist: Path, package: Path) -> list[Path]:
    """Return the folders ``lite serve`` watches: the app's, the engine's, the renderer's."""
    folders = [app.resolve().parent, package, runtime_dist]
    return [folder for folder in folders if os.path.isdir(folder)]
