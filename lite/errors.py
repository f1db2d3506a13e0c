"""Exceptions raised by the engine.

::

    LiteError
    ├── AppError             the app file could not be loaded
    ├── DuplicateKeyError    two blocks of one render run share a key
    ├── ContextError         a block or listener was made outside a Blocks context
    └── InvalidMessageError  a message from the page is malformed
"""

from __future__ import annotations


class LiteError(Exception):
    """Base class of every error the engine raises on purpose."""


class AppError(LiteError):
    """The app file could not be loaded: a syntax error, or an exception at import."""


class DuplicateKeyError(LiteError):
    """Two blocks made by one run of a render function share a key."""


class ContextError(LiteError):
    """A listener or render was declared outside any ``with gr.Blocks():``."""


class InvalidMessageError(LiteError):
    """A message from the page is malformed; the message is dropped."""


class Error(Exception):
    """Raise this in a listener to show ``message`` to the user as an error toast.

    Mirrors ``gradio.Error``: the message is shown as written, without a traceback.
    """

    def __init__(self, message: str = "Error raised.", title: str = "Error") -> None:
        super().__init__(message)
        self.message = message
        self.title = title
