"""lite: Gradio's Blocks and ``@gr.render`` API, running in the browser on Pyodide.

Apps import it as ``gradio`` inside the page. Under CPython, use it directly
(``import lite as gr``) or call :func:`install_gradio_alias` first.
"""

import importlib
from typing import Any

from .alias import gradio_alias, install_gradio_alias
from .blocks import Block, Blocks
from .components import Button, Component, Markdown, State, Textbox
from .errors import Error
from .events import Listener, on
from .layouts import Column, Row
from .outputs import skip, update
from .render import render

# Imported on first use, so the worker compiles less Python before the first patch:
# an app that uses no Audio never loads the audio code.
_LAZY = {
    "Accordion": "lite.containers",
    "Audio": "lite.components.audio",
    "Checkbox": "lite.components.checkbox",
    "Dropdown": "lite.components.dropdown",
    "Group": "lite.containers",
    "HTML": "lite.components.html",
    "Number": "lite.components.number",
    "Radio": "lite.components.radio",
    "Slider": "lite.components.slider",
    "Tab": "lite.containers",
    "TabItem": "lite.containers",
    "Tabs": "lite.containers",
}

__version__ = "0.1.0"

__all__ = [
    "Accordion",
    "Audio",
    "Block",
    "Blocks",
    "Button",
    "Checkbox",
    "Column",
    "Component",
    "Dropdown",
    "Error",
    "Group",
    "HTML",
    "Listener",
    "Markdown",
    "Number",
    "Radio",
    "Row",
    "Slider",
    "State",
    "Tab",
    "TabItem",
    "Tabs",
    "Textbox",
    "gradio_alias",
    "install_gradio_alias",
    "on",
    "render",
    "skip",
    "update",
]

for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type):
        _obj.__module__ = "lite"
del _name, _obj


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lite' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    if isinstance(value, type):
        value.__module__ = "lite"
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
