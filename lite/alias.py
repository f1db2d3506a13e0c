"""Making ``import gradio`` resolve to this engine."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator


def install_gradio_alias() -> None:
    """Make ``import gradio`` return ``lite``, for the rest of the process.

    The worker calls this before it runs an app. Under CPython it is opt-in: call it
    yourself, or use :func:`gradio_alias` for a limited scope.
    """
    import lite

    sys.modules["gradio"] = lite


@contextmanager
def gradio_alias() -> Iterator[None]:
    """Make ``import gradio`` return ``lite`` inside the ``with`` block only."""
    saved = sys.modules.get("gradio")
    install_gradio_alias()
    try:
        yield
    finally:
        if saved is None:
            sys.modules.pop("gradio", None)
        else:
            sys.modules["gradio"] = saved
