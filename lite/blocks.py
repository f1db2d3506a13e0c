"""The block tree an app declares: ``Block``, layouts, and the ``Blocks`` root.

Blocks describe the app. They hold the constructor's arguments and never a user's
current values: those live in a :class:`lite.session.Session`, so one app definition
can serve many sessions (one per browser tab, or one per test client).
"""

from __future__ import annotations

import functools
import inspect
import itertools
import operator
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable

from . import context
from .events import EventMethod

if TYPE_CHECKING:
    from .render import RenderRun

_next_id = itertools.count(1)


def new_block_id() -> int:
    """Return an id no block has had in this process."""
    return next(_next_id)


class Block:
    """A node of the app's tree: a component or a layout.

    Args:
        visible: Whether the block is shown.
        elem_id: The HTML id of the block's element.
        elem_classes: Extra HTML classes of the block's element.
        render: Whether to attach the block to the open container. A block made with
            ``render=False``, or outside any container, is free-standing: returning
            one from a listener updates the output with the arguments it was given.
        key: Identity across re-runs of a render function. A block made again with
            the same key (under parents with the same keys) keeps the id and the
            ``preserved_by_key`` props of its previous instance.
        preserved_by_key: The props a keyed block carries over from its previous
            instance. Every other prop is reset to the constructor's value.
    """

    kind: ClassVar[str] = "block"
    PROPS: ClassVar[tuple[str, ...]] = ("visible", "elem_id", "elem_classes")
    EVENTS: ClassVar[tuple[str, ...]] = ()
    # Events the page sends even without a listener, because the page changes a prop
    # itself before it sends them (an accordion opens) and the session must record it.
    STATE_EVENTS: ClassVar[tuple[str, ...]] = ()
    is_layout: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            cls.__init__ = _recording_init_args(cls.__dict__["__init__"])  # type: ignore[method-assign]
        for name in cls.EVENTS:
            if name not in cls.__dict__:
                setattr(cls, name, EventMethod(name))

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[Any, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
    ) -> None:
        self.id = new_block_id()
        self.key = key
        self.preserved_by_key = _as_list(preserved_by_key)
        self.visible = visible
        self.elem_id = elem_id
        self.elem_classes = _as_list(elem_classes)
        self.parent: Block | RenderRun | None = None
        self.children: list[Block] = []
        self.render_run: RenderRun | None = None
        if render:
            self.attach()

    def attach(self) -> None:
        """Append this block to the innermost open container, if there is one."""
        build = context.current
        parent = build.parent
        if parent is None:
            return
        parent.children.append(self)
        self.parent = parent
        self.render_run = build.render_run
        if build.render_run is not None:
            build.render_run.blocks.append(self)
        elif build.blocks is not None:
            build.blocks.static_blocks[self.id] = self

    def initial_props(self) -> dict[str, Any]:
        """Return the props this block starts with, as its constructor set them."""
        return dict(zip(self.PROPS, _props_getter(type(self))(self)))

    def state_changes(self, name: str) -> list[tuple[Block, dict[str, Any]]]:
        """Return the props the page changed before it sent event ``name``.

        Each pair is a block and its changed props. Only ``STATE_EVENTS`` change any.
        """
        return []

    def seed(self) -> str:
        """Return a short text that distinguishes this block from others of its kind.

        It is the constructor's arguments, which fix every prop of a block that a
        render function just made. Props changed later are not in it, so the diff
        still compares props after it pairs nodes by seed.
        """
        cached = self.__dict__.get("_seed")
        if cached is None:
            cached = self._seed = repr(getattr(self, "_init_args", None))
        return cached

    def explicit_props(self) -> dict[str, Any]:
        """Return the props named in the constructor call, for use as an update."""
        args, kwargs = getattr(self, "_init_args", ((), {}))
        signature = _init_signature(type(self))
        named = dict(signature.bind_partial(self, *args, **kwargs).arguments)
        for parameter in signature.parameters.values():
            if parameter.kind is parameter.VAR_KEYWORD:
                named.update(named.pop(parameter.name, {}))
        props = self.initial_props()
        return {name: props[name] for name in named if name in props}

    def __repr__(self) -> str:
        key = f", key={self.key!r}" if self.key is not None else ""
        return f"{type(self).__name__}(id={self.id}{key})"


def _recording_init_args(init: Callable[..., None]) -> Callable[..., None]:
    """Wrap ``init`` so the outermost constructor call records its arguments."""

    @functools.wraps(init)
    def wrapper(self: Block, *args: Any, **kwargs: Any) -> None:
        if "_init_args" not in self.__dict__:
            self._init_args = (args, kwargs)  # type: ignore[attr-defined]
        init(self, *args, **kwargs)

    return wrapper


_getters: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _props_getter(cls: type[Block]) -> Callable[[Any], tuple[Any, ...]]:
    """Return a function that reads every prop of a ``cls`` instance at once."""
    getter = _getters.get(cls)
    if getter is None:
        names = cls.PROPS
        read = operator.attrgetter(*names)
        # attrgetter returns a bare value, not a tuple, for a single name.
        getter = (lambda block: (read(block),)) if len(names) == 1 else read
        _getters[cls] = getter
    return getter


_signatures: dict[type, inspect.Signature] = {}


def _init_signature(cls: type) -> inspect.Signature:
    if cls not in _signatures:
        _signatures[cls] = inspect.signature(inspect.unwrap(cls.__init__))  # type: ignore[misc]
    return _signatures[cls]


def _as_list(value: Iterable[str] | str | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


class Layout(Block):
    """A block that holds other blocks; use it as a context manager."""

    is_layout = True

    def __enter__(self) -> Layout:
        context.current.parents.append(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        context.current.parents.pop()


class Blocks(Layout):
    """The root of an app. Build the app inside ``with gr.Blocks() as demo:``.

    Args:
        title: The page title.
        theme, css, js, head, fill_height, fill_width, analytics_enabled,
            delete_cache: Accepted for compatibility with Gradio apps; the
            renderer uses its own theme and ignores them.

    Example:
        >>> import lite as gr
        >>> with gr.Blocks() as demo:
        ...     name = gr.Textbox(label="Name")
    """

    kind = "blocks"
    PROPS = Block.PROPS + ("title",)
    EVENTS = ("load",)

    def __init__(
        self,
        theme: Any = None,
        analytics_enabled: bool | None = None,
        mode: str = "blocks",
        title: str = "Gradio",
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        fill_height: bool = False,
        fill_width: bool = False,
        delete_cache: Any = None,
        **kwargs: Any,
    ) -> None:
        self.title = title
        self.static_blocks: dict[int, Block] = {}
        self.listeners: list[Any] = []
        self.launched = False
        self._saved_blocks: list[Blocks | None] = []
        super().__init__(render=False, **kwargs)

    def __enter__(self) -> Blocks:
        build = context.current
        self._saved_blocks.append(build.blocks)
        build.blocks = self
        build.parents.append(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        build = context.current
        build.parents.pop()
        build.blocks = self._saved_blocks.pop()

    def launch(self, *args: Any, **kwargs: Any) -> Blocks:
        """Mark this app as the one the page shows. Server options are ignored."""
        self.launched = True
        return self

    def queue(self, *args: Any, **kwargs: Any) -> Blocks:
        """Accept Gradio's queue settings; every event already runs in order."""
        return self
