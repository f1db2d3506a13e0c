"""One user's run of an app: values, the listener queue, renders and the diff.

A session owns everything that changes while the app is used. The app's blocks are
shared and never change, so the same ``Blocks`` can back many sessions.
"""

from __future__ import annotations

import copy
import gc
import logging
from collections import Counter, defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from . import context
from .blocks import Block, Blocks
from .components.base import Component
from .components.state import State
from .diff import Op, diff
from .errors import Error, InvalidMessageError
from .events import ENGINE_EVENTS, Listener
from .keys import match_keys
from .outputs import call, pair_outputs, props_update, user_traceback
from .protocol import Edit, Event, parse_message
from .render import RenderArea, RenderRun
from .tree import Node

logger = logging.getLogger("lite")

# A listener that fires itself (a change listener writing its own input) would loop
# forever, so the session stops a batch after this many runs and posts a notice.
MAX_RUNS_PER_BATCH = 10_000

TargetKey = tuple[str, int]


@dataclass
class Notice:
    """A message for the user, shown as a toast."""

    level: str
    title: str
    message: str
    traceback: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "title": self.title, "message": self.message,
                "traceback": self.traceback}


@dataclass
class Patch:
    """The result of one batch of messages: ops for the page, and notices."""

    seq: int
    ops: list[Op]
    notices: list[Notice] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "patch", "seq": self.seq, "ops": self.ops,
                "notices": [notice.to_dict() for notice in self.notices]}


def _target_key(target: Block | Listener) -> TargetKey:
    return ("listener", target.id) if isinstance(target, Listener) else ("block", target.id)


def _same(old: Any, new: Any) -> bool:
    try:
        return bool(old == new)
    except (ValueError, TypeError):  # numpy arrays compare element by element
        return old is new


class Session:
    """The state of one user of ``app``.

    Args:
        app: The app to run.
    """

    def __init__(self, app: Blocks) -> None:
        self.app = app
        self.blocks: dict[int, Block] = {app.id: app}
        self.props: dict[int, dict[str, Any]] = {}
        self.runs: dict[int, RenderRun] = {}
        self.state_copies: dict[int, Any] = {}
        self.queue: deque[Listener] = deque()
        self.queued: Counter[int] = Counter()
        # The seq of the patch that showed each listener's last results. A ``once``
        # listener ignores events the page sent before it had applied that patch.
        self.done_seq: dict[int, int] = {}
        self.ran: set[int] = set()
        self.notices: list[Notice] = []
        self.page_root: Node | None = None
        self.page_nodes: dict[int, Node] = {}
        self.node_block: dict[int, int] = {}
        self.rebound_at: dict[int, int] = {}
        self.seq = 0
        self.index: dict[tuple[TargetKey, str], list[Listener]] = {}
        self.input_ids: set[int] = set()
        self.page_events: dict[int, list[str]] = {}
        # Called between the values a generator listener yields, so the bridge can
        # post each step to the page while the listener goes on.
        self.on_step: Callable[[Patch], None] | None = None
        for block in [app, *app.static_blocks.values()]:
            self._add_block(block, block.initial_props())
        self._reindex()

    # Public API ------------------------------------------------------------------

    def start(self) -> Patch:
        """Run the load listeners and return the first patch: the whole page."""
        self.fire(self.app, "load")
        self._drain()
        return self.flush()

    def handle(self, messages: list[Any]) -> Patch:
        """Apply a batch of page messages in order and return the resulting patch.

        Runs that pile up while a batch is applied merge as their trigger modes
        decide. A malformed message is logged and skipped, and the rest of the batch
        goes on.
        """
        try:
            with _collector_paused():
                patch = self._apply_batch(messages)
        except BaseException:
            # A `once` listener that ran in a failed batch must not stay pending.
            self.ran.clear()
            raise
        for listener_id in self.ran:
            self.done_seq[listener_id] = patch.seq
        self.ran.clear()
        return patch

    def _apply_batch(self, messages: list[Any]) -> Patch:
        for raw in messages:
            try:
                message = parse_message(raw)
            except InvalidMessageError as error:
                logger.warning("Dropped a malformed message: %s", error)
                continue
            if isinstance(message, Event):
                # An event must see the values its own earlier edits led to.
                self._drain()
                self._apply_event(message)
            else:
                self._apply_edit(message)
            if any(self.queued[lid] for lid in self._eager_ids()):
                self._drain()
        self._drain()
        return self.flush()

    def flush(self) -> Patch:
        """Diff the session's tree against the page's and return the patch."""
        new_root = self.build_tree()
        ops = diff(self.page_root, new_root)
        self.seq += 1
        self._remember_page(new_root)
        notices, self.notices = self.notices, []
        return Patch(self.seq, ops, notices)

    def packages(self) -> list[str]:
        """Return the Pyodide packages that listener inputs need, such as numpy.

        Only inputs count: an output turns whatever the listener returns into plain
        data, and a listener returning numpy arrays imports numpy itself.
        """
        names = {name for block_id in self.input_ids
                 if isinstance(block := self.blocks.get(block_id), Component)
                 for name in block.packages()}
        return sorted(names)

    def value(self, block: Block) -> Any:
        """Return the value of ``block`` in this session."""
        return self.props[block.id].get("value")

    def fire(self, target: Block | Listener, name: str, seq: int | None = None) -> None:
        """Queue every listener of trigger ``(target, name)``.

        ``seq`` is the last patch the page had applied when the user acted, or
        ``None`` for triggers the engine fires itself.
        """
        for listener in self.index.get((_target_key(target), name), ()):
            self._enqueue(listener, seq)

    # Messages --------------------------------------------------------------------

    def _block_for_node(self, node_id: int, seq: int | None, what: str) -> Block | None:
        block_id = self.node_block.get(node_id)
        if block_id is None or block_id not in self.blocks:
            logger.info("Dropped %s for node %s: the component no longer exists", what, node_id)
            return None
        if seq is not None and seq < self.rebound_at.get(node_id, 0):
            logger.info("Dropped %s for node %s: it was sent before a re-render replaced "
                        "the component", what, node_id)
            return None
        return self.blocks[block_id]

    def _apply_edit(self, edit: Edit) -> None:
        block = self._block_for_node(edit.node_id, edit.seq, "an edit")
        if block is None:
            return
        if not isinstance(block, Component) or not block.editable \
                or not self._interactive(block):
            logger.warning("Dropped an edit of %r: the component is not editable", block)
            return
        try:
            value = block.with_props(self.props[block.id]).read_edit(edit.value)
        except ValueError as error:
            logger.warning("Dropped an invalid edit of %r: %s", block, error)
            return
        old = self.props[block.id].get("value")
        self.props[block.id]["value"] = value
        self.page_nodes[edit.node_id].props["value"] = value
        if not self._changed(block, old, value):
            return
        self.fire(block, "input", edit.seq)
        if block.kind == "audio":
            self.fire(block, "clear" if value is None else "upload", edit.seq)
        self.fire(block, "change", edit.seq)

    def _apply_event(self, event: Event) -> None:
        block = self._block_for_node(event.node_id, event.seq, f"a {event.name!r} event")
        if block is None:
            return
        if event.name not in block.EVENTS or event.name in ENGINE_EVENTS:
            logger.warning("Dropped a %r event: %r has no such event", event.name, block)
            return
        changed = self._record_state(block, event.name)
        self.fire(block, event.name, event.seq)
        for target in changed:
            self.fire(target, "change", event.seq)

    def _record_state(self, block: Block, name: str) -> list[Block]:
        """Store the props the page changed before it sent event ``name``.

        The page already shows them, so the page's tree is updated too, and the next
        patch does not send them back. Returns the blocks whose props changed.
        """
        changed = []
        for target, changes in block.state_changes(name):
            props = self.props.get(target.id)
            if props is None:
                continue
            if any(not _same(props.get(prop), value) for prop, value in changes.items()):
                changed.append(target)
            props.update(changes)
            for node_id, block_id in self.node_block.items():
                if block_id == target.id:
                    self.page_nodes[node_id].props.update(changes)
        return changed

    # The queue -------------------------------------------------------------------

    def _enqueue(self, listener: Listener, seq: int | None) -> None:
        mode = listener.trigger_mode
        if mode == "once":
            pending = self.queued[listener.id] or listener.id in self.ran
            unseen = seq is not None and seq < self.done_seq.get(listener.id, 0)
            if pending or unseen:
                logger.debug("Ignored %r: its previous run is still pending", listener)
                return
        elif mode == "always_last" and self.queued[listener.id]:
            return
        self.queue.append(listener)
        self.queued[listener.id] += 1

    def _eager_ids(self) -> list[int]:
        """Ids of queued listeners that must run before the next message applies."""
        return [l.id for l in self.queue if l.trigger_mode != "always_last"]

    def _drain(self) -> None:
        runs = 0
        while self.queue:
            listener = self.queue.popleft()
            self.queued[listener.id] -= 1
            if not self._is_live(listener):
                continue
            runs += 1
            if runs > MAX_RUNS_PER_BATCH:
                self._stop_runaway(listener)
                return
            self.ran.add(listener.id)
            if listener.render_area is not None:
                self._run_render(listener)
            else:
                self._run_listener(listener)

    def _stop_runaway(self, listener: Listener) -> None:
        self.queue.clear()
        self.queued.clear()
        self.notices.append(Notice(
            "error", "Too many events",
            f"Stopped after {MAX_RUNS_PER_BATCH:,} listener runs for one action; "
            f"{listener!r} may be triggering itself through its outputs."))

    def _is_live(self, listener: Listener) -> bool:
        run = listener.run
        if run is not None and self.runs.get(run.area.id) is not run:
            return False
        return all(block.id in self.blocks for block in listener.inputs + listener.outputs)

    # Running listeners -------------------------------------------------------------

    def _inputs(self, listener: Listener) -> list[Any]:
        values = [self._input_value(block) for block in listener.inputs]
        if listener.inputs_as_dict:
            return [dict(zip(listener.inputs, values))]
        return values

    def _input_value(self, block: Block) -> Any:
        value = self.props[block.id].get("value")
        if not isinstance(block, Component):
            return value
        return block.with_props(self.props[block.id]).preprocess(value)

    def _run_listener(self, listener: Listener) -> None:
        for block in listener.outputs:
            self.props[block.id]["error"] = None
        failed = False
        if listener.fn is not None:
            try:
                for step, result in enumerate(call(listener.fn, self._inputs(listener))):
                    if step and self.on_step is not None:
                        self.on_step(self.flush())
                    self._apply_outputs(listener, result)
            except KeyboardInterrupt:
                self._stopped(listener)
                return
            # The user's code may raise anything, and sys.exit() is an error of the app.
            except (Exception, SystemExit) as error:
                self._report(listener, error)
                failed = True
        self.fire(listener, "then")
        if not failed:
            self.fire(listener, "success")

    def _apply_outputs(self, listener: Listener, result: Any) -> None:
        for block, value in pair_outputs(listener.outputs, result):
            changes = props_update(block, value)
            if not changes:
                continue
            props = self.props[block.id]
            old = props.get("value")
            props.update(changes)
            if "value" in changes and self._changed(block, old, changes["value"]):
                self.fire(block, "change")

    def _report(self, listener: Listener, error: BaseException) -> None:
        name = getattr(listener.fn, "__name__", "listener")
        if isinstance(error, Error):
            notice = Notice("error", error.title, error.message)
        else:
            notice = Notice("error", "Error", f"{type(error).__name__}: {error}",
                            user_traceback(error))
            if isinstance(error, ModuleNotFoundError) and error.name:
                notice.message += (
                    f". Add {error.name.split('.')[0]} to the app's requirements, or "
                    "load the page with a Pyodide distribution that has it (pyodide-url)."
                )
        logger.error("%s raised in %s (outputs: %s)\n%s", type(error).__name__, name,
                     listener.outputs, notice.traceback or notice.message)
        for block in listener.outputs:
            self.props[block.id]["error"] = notice.message
        if listener.show_error or not listener.outputs:
            self.notices.append(notice)

    def _stopped(self, listener: Listener) -> None:
        """Handle a listener that the user stopped: drop what was queued after it."""
        name = getattr(listener.fn, "__name__", "listener")
        logger.warning("Stopped %s on request; dropped %d queued runs", name, len(self.queue))
        self.queue.clear()
        self.queued.clear()
        self.notices.append(Notice("warning", "Stopped",
                                   f"{name} was stopped before it finished."))

    def _changed(self, block: Block, old: Any, new: Any) -> bool:
        if not isinstance(block, State):
            return not _same(old, new)
        # A State's list may be changed in place, so compare with a copy.
        if _same(self.state_copies.get(block.id), new):
            return False
        self.state_copies[block.id] = _copy_or_self(new)
        return True

    # Renders -------------------------------------------------------------------

    def _run_render(self, listener: Listener) -> None:
        area = listener.render_area
        assert area is not None
        if area.id not in self.blocks:
            return
        old_run = self.runs.get(area.id)
        run = RenderRun(area)
        try:
            with context.rendering(run, self.app):
                for _ in call(listener.fn, self._inputs(listener)):  # type: ignore[arg-type]
                    pass
            carried = match_keys(run, old_run)
        except KeyboardInterrupt:
            self._stopped(listener)
            return
        except (Exception, SystemExit) as error:  # as in _run_listener
            self._report(listener, error)
            return
        self._replace_run(old_run, run, carried)
        for inner in run.listeners:
            if inner.render_area is not None and any(
                    name == "load" for _, name in inner.triggers):
                self._enqueue(inner, None)

    def _replace_run(self, old_run: RenderRun | None, run: RenderRun,
                     carried: set[int]) -> None:
        old_props = {}
        if old_run is not None:
            for block in old_run.blocks:
                old_props[block.id] = self.props.get(block.id, {})
                self._drop_block(block)
            _carry_listener_state(old_run, run, self.done_seq)
            _release_run(old_run)
        for block in run.blocks:
            props = block.initial_props()
            if block.id in carried:
                previous = old_props[block.id]
                for name in block.preserved_by_key:
                    if name in previous:
                        props[name] = previous[name]
            self._add_block(block, props)
        self.runs[run.area.id] = run
        self._reindex()

    def _add_block(self, block: Block, props: dict[str, Any]) -> None:
        props["error"] = None
        self.blocks[block.id] = block
        self.props[block.id] = props
        if isinstance(block, State):
            self.state_copies[block.id] = _copy_or_self(props["value"])

    def _drop_block(self, block: Block) -> None:
        self.blocks.pop(block.id, None)
        self.props.pop(block.id, None)
        self.state_copies.pop(block.id, None)
        self.runs.pop(block.id, None)

    def _reindex(self) -> None:
        listeners = list(self.app.listeners)
        for run in self.runs.values():
            listeners.extend(run.listeners)
        index: dict[tuple[TargetKey, str], list[Listener]] = defaultdict(list)
        page_events: dict[int, set[str]] = defaultdict(set)
        for listener in listeners:
            for target, name in listener.triggers:
                index[(_target_key(target), name)].append(listener)
                if isinstance(target, Block) and name not in ENGINE_EVENTS:
                    page_events[target.id].add(name)
        self.index = dict(index)
        self.input_ids = {block.id for l in listeners for block in l.inputs}
        self.page_events = {bid: sorted(names) for bid, names in page_events.items()}

    # The tree ------------------------------------------------------------------

    def build_tree(self) -> Node:
        """Return the tree the page should show now."""
        return self._node(self.app)

    def _node(self, block: Block) -> Node:
        if isinstance(block, RenderArea):
            run = self.runs.get(block.id)
            children = run.children if run is not None else []
        else:
            children = block.children
        nodes = [self._node(child) for child in children if not isinstance(child, State)]
        return Node(block.id, block.kind, self._page_props(block), nodes, block.seed())

    def _page_props(self, block: Block) -> dict[str, Any]:
        props = dict(self.props[block.id])
        props["events"] = self.page_events.get(block.id, [])
        if block.STATE_EVENTS:
            props["events"] = sorted({*props["events"], *block.STATE_EVENTS})
        if isinstance(block, Component) and block.editable:
            props["interactive"] = self._interactive(block)
        return props

    def _interactive(self, block: Component) -> bool:
        explicit = self.props[block.id].get("interactive")
        if explicit is not None:
            return bool(explicit)
        return block.id in self.input_ids or block.starts_empty()

    def _remember_page(self, root: Node) -> None:
        old_binding = self.node_block
        self.page_root = root
        self.page_nodes = {}
        self.node_block = {}
        for node in root.walk():
            self.page_nodes[node.node_id] = node
            self.node_block[node.node_id] = node.block_id
            previous = old_binding.get(node.node_id)
            if previous is not None and previous != node.block_id:
                self.rebound_at[node.node_id] = self.seq
        for node_id in list(self.rebound_at):
            if node_id not in self.node_block:
                del self.rebound_at[node_id]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector out of one batch.

    A re-render makes thousands of blocks at once, which sets off collections that
    walk every live object: with 1,000 to-do rows they took about half of a click's
    time under CPython. Dropped runs have their cycles broken (see
    ``_release_run``), so most of their garbage is freed without the collector,
    and it runs again as usual after the batch.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _release_run(run: RenderRun) -> None:
    """Break the parent and child links of a dropped run, so reference counting
    frees its blocks without waiting for the cyclic collector."""
    for block in run.blocks:
        block.children = []
        block.parent = None
    run.children = []


def _carry_listener_state(old_run: RenderRun, run: RenderRun,
                          done_seq: dict[int, int]) -> None:
    """Give keyed listeners of ``run`` the id (and so the pending state) of their match."""
    old_by_key = {l.key: l for l in old_run.listeners if l.key is not None}
    for listener in run.listeners:
        old = old_by_key.get(listener.key) if listener.key is not None else None
        if old is not None:
            listener.id = old.id
    live = {l.id for l in run.listeners}
    for listener in old_run.listeners:
        if listener.id not in live:
            done_seq.pop(listener.id, None)


def _copy_or_self(value: Any) -> Any:
    try:
        return copy.deepcopy(value)
    except Exception:  # an object that cannot be copied is compared as itself
        return value
