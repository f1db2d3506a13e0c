"""One module per component kind."""

from .audio import Audio
from .base import Component
from .button import Button
from .markdown import Markdown
from .radio import Radio
from .slider import Slider
from .state import State
from .textbox import Textbox

__all__ = ["Audio", "Button", "Component", "Markdown", "Radio", "Slider", "State", "Textbox"]
