"""One module per component kind. The rarer kinds load on first use."""

import importlib
from typing import Any

from .base import Component
from .button import Button
from .markdown import Markdown
from .state import State
from .textbox import Textbox

_LAZY = {
    "Audio": "audio", "Checkbox": "checkbox", "Dropdown": "dropdown", "HTML": "html",
    "Number": "number", "Radio": "radio", "Slider": "slider",
}

__all__ = [
    "Audio", "Button", "Checkbox", "Component", "Dropdown", "HTML", "Markdown", "Number",
    "Radio", "Slider", "State", "Textbox",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lite.components' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
