"""Loading an app file: run it as ``__main__`` and find its ``Blocks``."""

from __future__ import annotations

import os
import sys
import traceback
from types import ModuleType
from typing import Any

from .blocks import Blocks
from .errors import AppError


def load_app(path: str) -> Blocks:
    """Run the app file at ``path`` and return the ``Blocks`` it defines.

    The app is the ``Blocks`` whose ``launch()`` was called, else the module's
    ``demo``, else the last ``Blocks`` the file defines. ``import gradio`` must
    already resolve to ``lite`` (see :func:`lite.alias.install_gradio_alias`).

    Raises:
        AppError: The file is missing, has a syntax error, raised while running,
            or defines no Blocks. The message names the file and line.
    """
    try:
        with open(path, encoding="utf-8") as file:
            source = file.read()
    except OSError as error:
        raise AppError(f"Cannot read the app file {path}: {error.strerror}") from error
    module = ModuleType("__main__")
    module.__file__ = path
    namespace = module.__dict__
    app_dir = os.path.dirname(os.path.abspath(path))
    if app_dir not in sys.path:
        sys.path.insert(0, app_dir)
    try:
        code = compile(source, path, "exec")
    except SyntaxError as error:
        raise AppError(_syntax_message(error)) from error
    saved_main = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        exec(code, namespace)
    except Exception as error:  # the app's own code may raise anything
        raise AppError(_runtime_message(error, path)) from error
    finally:
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
    return find_blocks(namespace, path)


def find_blocks(namespace: dict[str, Any], path: str) -> Blocks:
    """Return the app's ``Blocks`` from a module's globals."""
    found = [value for value in namespace.values() if isinstance(value, Blocks)]
    for blocks in found:
        if blocks.launched:
            return blocks
    demo = namespace.get("demo")
    if isinstance(demo, Blocks):
        return demo
    if found:
        return found[-1]
    raise AppError(
        f"{path} defines no gr.Blocks. Build the app inside "
        "`with gr.Blocks() as demo:` and call `demo.launch()`."
    )


def _syntax_message(error: SyntaxError) -> str:
    message = f"SyntaxError in {error.filename}, line {error.lineno}: {error.msg}"
    line = (error.text or "").rstrip("\n")
    if not line.strip():
        return message
    indent = len(line) - len(line.lstrip())
    caret = " " * max((error.offset or 1) - 1 - indent, 0) + "^"
    return f"{message}\n    {line.strip()}\n    {caret}"


def _runtime_message(error: Exception, path: str) -> str:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == path]
    where = f"{path}, line {frames[-1].lineno}" if frames else path
    formatted = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return f"{type(error).__name__} in {where}: {error}\n\n{formatted}"
