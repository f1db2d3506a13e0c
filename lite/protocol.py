"""Messages from the page: checked here before the session acts on them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .errors import InvalidMessageError

MAX_NAME_LENGTH = 64


@dataclass(frozen=True)
class Edit:
    """The user changed the value of the component shown in node ``node_id``."""

    node_id: int
    value: Any
    t: float | None
    seq: int | None


@dataclass(frozen=True)
class Event:
    """The user fired trigger ``name`` (``click``, ``submit``) on node ``node_id``."""

    node_id: int
    name: str
    t: float | None
    seq: int | None


def parse_message(raw: Any) -> Edit | Event:
    """Check one page message and return it as an :class:`Edit` or :class:`Event`.

    Raises:
        InvalidMessageError: The message is not an object, has an unknown ``type``,
            or a field is missing or of the wrong type.
    """
    if not isinstance(raw, dict):
        raise InvalidMessageError(f"a message must be an object, not {type(raw).__name__}")
    kind = raw.get("type")
    node_id = _int_field(raw, "id")
    t = _time_field(raw)
    seq = raw.get("seq")
    if seq is not None and (not isinstance(seq, int) or isinstance(seq, bool) or seq < 0):
        raise InvalidMessageError(f"message field 'seq' must be a whole number, not {seq!r}")
    if kind == "edit":
        if "value" not in raw:
            raise InvalidMessageError("an edit message is missing its 'value'")
        return Edit(node_id, raw["value"], t, seq)
    if kind == "event":
        name = raw.get("name")
        if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME_LENGTH:
            raise InvalidMessageError(f"an event message needs a 'name' string, not {name!r}")
        return Event(node_id, name, t, seq)
    raise InvalidMessageError(f"unknown message type {kind!r}; expected 'edit' or 'event'")


def _int_field(raw: dict[str, Any], name: str) -> int:
    value = raw.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidMessageError(f"message field {name!r} must be a whole number, not {value!r}")
    return value


def _time_field(raw: dict[str, Any]) -> float | None:
    value = raw.get("t")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidMessageError(f"message field 't' must be a time in milliseconds, not {value!r}")
    return float(value)
