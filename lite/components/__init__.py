"""One module per component kind."""

from .audio import Audio
from .base import Component
from .button import Button
from .checkbox import Checkbox
from .dropdown import Dropdown
from .html import HTML
from .markdown import Markdown
from .number import Number
from .radio import Radio
from .slider import Slider
from .state import State
from .textbox import Textbox

__all__ = [
    "Audio", "Button", "Checkbox", "Component", "Dropdown", "HTML", "Markdown", "Number",
    "Radio", "Slider", "State", "Textbox",
]
