"""Serve an app with lite or with real Gradio, on 127.0.0.1 and a free port."""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Self

from lite.site import (
    PAGE_FILES,
    Runtime,
    SiteServer,
    assemble_site,
    engine_wheel,
    find_runtime,
)

BENCH_DIR = Path(__file__).resolve().parent
GRADIO_PYTHON = BENCH_DIR / ".venv-gradio" / "bin" / "python"
GRADIO_VERSION = "6.31.0"
GRADIO_START_TIMEOUT_S = 120

# lite/bench-worker.js replaces lite/worker.js on benchmark pages (see probe/page.js).
# Module imports run in order, so the probe is in place before lite's worker starts.
BENCH_WORKER = b'import "./bench-worker-probe.js";\nimport "./worker.js";\n'


@dataclasses.dataclass(frozen=True)
class LiteBuild:
    """The renderer bundle and engine wheel that every page of one run is served.

    Other people edit the checkout while a run goes on, and `assemble_site` builds the
    wheel from ``lite/`` each time it is called. A copy taken once keeps every sample
    of a run on the same engine and renderer.
    """

    runtime: Runtime
    wheel: bytes


def snapshot_lite(folder: Path) -> LiteBuild:
    """Copy web/dist's page files into ``folder`` and build the engine wheel once."""
    runtime = find_runtime()
    dist = folder / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    dist.mkdir(parents=True)
    for name in PAGE_FILES:
        shutil.copy2(runtime.dist / name, dist / name)
    return LiteBuild(dataclasses.replace(runtime, dist=dist), engine_wheel())


class LiteServer:
    """Serves one app the way ``lite serve`` does, plus the worker probe.

    The site is `lite.site.assemble_site` with the run's renderer and engine wheel, and
    two more files under ``lite/``, which only benchmark pages load.
    """

    def __init__(self, app: Path, build: LiteBuild) -> None:
        self.site = assemble_site(app, runtime=build.runtime)
        self.site["lite/engine.whl"] = build.wheel
        self.site["lite/bench-worker.js"] = BENCH_WORKER
        self.site["lite/bench-worker-probe.js"] = BENCH_DIR / "probe" / "worker.js"
        self._server = SiteServer(self.site, ("127.0.0.1", 0))
        self._thread = threading.Thread(
            target=self._server.serve_forever, name=f"lite {app.name}", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return self._server.url

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class GradioServer:
    """Runs one app file with real Gradio in a child process.

    The child is ``bench/.venv-gradio/bin/python bench/gradio_app.py APP PORT``, with
    analytics off. Closing stops the child by its PID.
    """

    def __init__(self, app: Path, log_dir: Path) -> None:
        if not GRADIO_PYTHON.is_file():
            raise FileNotFoundError(
                f"{GRADIO_PYTHON} is missing. bench/run creates it; or run "
                f"'python3 -m venv bench/.venv-gradio && bench/.venv-gradio/bin/pip "
                f"install gradio=={GRADIO_VERSION}'."
            )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"gradio-{app.stem}-{self.port}.log"
        env = dict(
            os.environ,
            GRADIO_ANALYTICS_ENABLED="False",
            HF_HUB_OFFLINE="1",
            GRADIO_SSR_MODE="False",
            PYTHONUNBUFFERED="1",
        )
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    str(GRADIO_PYTHON),
                    str(BENCH_DIR / "gradio_app.py"),
                    str(app),
                    str(self.port),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                cwd=app.parent,
            )
        try:
            self._wait_until_up()
        except BaseException:
            self.close()
            raise

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + GRADIO_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"Gradio exited with code {self.process.returncode} before serving "
                    f"the app. Its output:\n{self.log_path.read_text(errors='replace')}"
                )
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        raise TimeoutError(
            f"Gradio did not serve {self.url} within {GRADIO_START_TIMEOUT_S} s; see "
            f"{self.log_path}"
        )

    def rss_bytes(self) -> int | None:
        """Return the resident memory of the Gradio process, from /proc."""
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return None

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def gradio_version() -> str | None:
    """Return the version of Gradio in the benchmark's venv, or None without one."""
    if not GRADIO_PYTHON.is_file():
        return None
    result = subprocess.run(
        [str(GRADIO_PYTHON), "-c", "import gradio; print(gradio.__version__)"],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1"),
    )
    return result.stdout.strip() or None
