"""The ``lite`` command: serve an app as a static page, or build it into a folder."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from lite import reload, site

EXIT_FAILURE = 1
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    """Run the ``lite`` command with ``argv`` (``sys.argv[1:]`` by default).

    Returns:
        The exit code: 0 on success, 1 when the runtime files are missing or the server
        cannot start, 2 for a bad command line or a missing app file.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    try:
        code: int = args.run(args)
    except site.AppNotFoundError as error:
        return _fail(error, EXIT_USAGE)
    except site.SiteError as error:
        return _fail(error, EXIT_FAILURE)
    return code


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``lite`` command and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="lite",
        description="Run a Gradio Blocks app in the browser on Pyodide.",
    )
    commands = parser.add_subparsers(title="commands", required=True)

    serve = commands.add_parser(
        "serve",
        help="serve an app as a static page",
        description=(
            "Serve APP as a static page. The server only sends files: the app runs in "
            "Pyodide in the browser. When a file in the app's folder, the lite package "
            "or the built renderer changes, the server assembles the site again and "
            "the open pages reload."
        ),
    )
    serve.add_argument("app", type=Path, metavar="APP", help="the app's Python file")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s)",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=8000,
        help="TCP port to listen on, 0 for any free port (default: %(default)s)",
    )
    serve.add_argument(
        "--no-reload",
        dest="reload",
        action="store_false",
        help="serve the files as they are at start, without watching them or "
        "reloading the page",
    )
    serve.set_defaults(run=run_serve)

    build = commands.add_parser(
        "build",
        help="write an app's static site to a folder",
        description=(
            "Write the static site of APP to a folder that any static file host can "
            "serve. Every URL in it is relative, so it works under any sub-path."
        ),
    )
    build.add_argument("app", type=Path, metavar="APP", help="the app's Python file")
    build.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder to write; it must not exist or be empty",
    )
    build.add_argument(
        "--pyodide-cdn",
        action="store_true",
        help="load Pyodide from its CDN instead of copying the runtime into the folder",
    )
    build.set_defaults(run=run_build)
    return parser


def run_serve(args: argparse.Namespace) -> int:
    """Serve the app's site until Ctrl-C or SIGTERM, then return 0."""
    address = (args.host, args.port)
    try:
        if args.reload:
            server: site.SiteServer = _reloading_server(args.app, address)
        else:
            server = site.SiteServer(site.assemble_site(args.app), address)
    except OSError as error:
        message = f"Cannot listen on {args.host}:{args.port}: {error.strerror}."
        return _fail(message, EXIT_FAILURE)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    print(f"Serving {args.app} at {server.url} (Ctrl-C to stop)", flush=True)
    if isinstance(server, reload.ReloadingSiteServer):
        folders = ", ".join(str(folder) for folder in server.watched)
        print(f"Reloading the page when files change in {folders}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _reloading_server(app: Path, address: tuple[str, int]) -> reload.ReloadingSiteServer:
    runtime = site.find_runtime()
    client = runtime.dist / "reload.js"
    if not client.is_file():
        raise site.RuntimeMissingError(f"Missing {client}. {site.SETUP_HINT}")
    return reload.ReloadingSiteServer(
        lambda: site.assemble_site(app),
        client,
        reload.default_watch(app, runtime.dist, site.PACKAGE_DIR),
        address,
    )


def run_build(args: argparse.Namespace) -> int:
    """Write the app's site to the output folder and print its size."""
    output: Path = args.output
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        message = (
            f"Output folder {output} exists and is not empty. "
            "Remove it or pick another."
        )
        return _fail(message, EXIT_USAGE)

    pages = site.assemble_site(args.app, pyodide_cdn=args.pyodide_cdn)
    # GitHub Pages runs Jekyll unless this file exists, and Jekyll drops files whose
    # names start with an underscore, such as __init__.py.
    pages[".nojekyll"] = b""
    size = site.write_site(pages, output)
    print(f"Wrote {len(pages)} files ({size / 1e6:.1f} MB) to {output}")
    return 0


def _raise_keyboard_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _fail(error: Exception | str, code: int) -> int:
    print(f"lite: error: {error}", file=sys.stderr)
    return code
