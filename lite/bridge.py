"""The worker's entry point, and the only module that touches Pyodide's ``js``.

The worker calls :func:`start` once and then ``Bridge.receive`` for every batch of
page messages. Everything crosses as a JSON string plus a list of binary buffers: a
value ``{"$buffer": n}`` inside the JSON is the n-th buffer.
"""

from __future__ import annotations

import json
import logging
import math
import sys
import traceback
from typing import Any, Callable

from .alias import install_gradio_alias
from .app import load_app
from .errors import AppError
from .session import Notice, Patch, Session

logger = logging.getLogger("lite")

Post = Callable[[str, Any], None]


def start(entry: str, post: Post) -> Bridge | None:
    """Load the app at ``entry``, post its first patch and return the bridge.

    On failure, posts a ``fatal`` message that describes the failure and returns
    ``None``.
    """
    _configure_logging()
    install_gradio_alias()
    try:
        app = load_app(entry)
    except AppError as error:
        _post_json(post, {"type": "fatal", "title": "The app could not start",
                          "message": str(error).split("\n\n")[0],
                          "traceback": str(error)})
        return None
    bridge = Bridge(Session(app), post)
    bridge.send(bridge.session.start())
    bridge.packages = bridge.session.packages()
    return bridge


class Bridge:
    """Passes page messages to a session and posts back what changed."""

    def __init__(self, session: Session, post: Post) -> None:
        self.session = session
        self.post = post
        # Pyodide packages the worker loads before it passes on the first message.
        self.packages: list[str] = []
        session.on_step = self.send

    def receive(self, batch_json: str, buffers: Any = None) -> None:
        """Handle one batch of page messages and post the patch."""
        try:
            blobs = [bytes(buffer.to_bytes()) for buffer in buffers or []]
            batch = json.loads(batch_json, object_hook=lambda obj: _resolve(obj, blobs))
            if not isinstance(batch, list):
                raise ValueError("a batch must be a list of messages")
        except (ValueError, IndexError, AttributeError, RecursionError) as error:
            logger.warning("Dropped a malformed batch of messages: %s", error)
            return
        try:
            patch = self.session.handle(batch)
        except KeyboardInterrupt:
            # The page's Stop button interrupted the engine's own code, not a listener.
            logger.warning("Stopped while handling %d messages", len(batch))
            patch = self.session.flush()
            patch.notices.append(Notice("warning", "Stopped",
                                        "The app was stopped before it finished."))
        except Exception as error:  # an engine bug must not kill the worker
            logger.exception("The engine failed while handling %d messages", len(batch))
            patch = self.session.flush()
            patch.notices.append(Notice("error", "Internal error",
                                        f"{type(error).__name__}: {error}",
                                        traceback.format_exc()))
        self.send(patch)

    def send(self, patch: Patch) -> None:
        _post_json(self.post, patch.to_dict())


def _resolve(obj: dict[str, Any], blobs: list[bytes]) -> Any:
    if len(obj) == 1 and "$buffer" in obj:
        index = obj["$buffer"]
        if isinstance(index, bool) or not isinstance(index, int) \
                or not 0 <= index < len(blobs):
            raise ValueError(f"invalid buffer reference {obj!r}: the batch carries "
                             f"{len(blobs)} buffers")
        return blobs[index]
    return obj


def _post_json(post: Post, message: dict[str, Any]) -> None:
    buffers: list[bytes] = []

    def encode(value: Any) -> Any:
        if isinstance(value, (bytes, bytearray, memoryview)):
            buffers.append(bytes(value))
            return {"$buffer": len(buffers) - 1}
        # An app may put any object into a prop; the page gets its text rather than
        # missing the whole patch.
        logger.warning("Sent a %s to the page as its text", type(value).__name__)
        return _text_of(value)

    try:
        text = json.dumps(message, default=encode, ensure_ascii=False, allow_nan=False)
    except ValueError:
        # JSON has no NaN or infinity, and the page's parser rejects them.
        logger.warning("Sent NaN or infinity to the page as null")
        buffers.clear()
        text = json.dumps(_finite(message), default=encode, ensure_ascii=False)
    post(text, _to_js_list(buffers))


def _text_of(value: Any) -> str:
    try:
        return str(value)
    except Exception:  # a broken __str__ of the app's own class
        return object.__repr__(value)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def _to_js_list(buffers: list[bytes]) -> Any:
    if "pyodide" not in sys.modules:
        return buffers
    from pyodide.ffi import to_js  # type: ignore[import-not-found]

    return to_js(buffers)


def _configure_logging() -> None:
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[lite] %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
