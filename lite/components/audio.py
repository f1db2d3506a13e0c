"""Audio: upload and play sound.

The page decodes and encodes the audio, and listeners receive the values Gradio gives.
"""

from __future__ import annotations

import os
import sys
from array import array
from typing import Any, Literal

from ..wav import Pcm, check_pcm, read_wav, write_wav
from .base import Component


class Audio(Component):
    """An audio input or player.

    Args:
        value: ``None``, a path to a WAV file, or ``(sample_rate, samples)``.
        type: ``"numpy"`` passes ``(sample_rate, numpy.ndarray of int16)``, shaped
            ``(n,)`` for mono and ``(n, channels)`` otherwise; ``"filepath"``
            passes the path of a 16-bit WAV file.
        sources: Where the user may take audio from: ``"upload"``, ``"microphone"``.
        **kwargs: See :class:`lite.components.base.Component`.
    """

    kind = "audio"
    PROPS = Component.PROPS + (
        "label", "show_label", "container", "scale", "min_width", "interactive",
        "sources", "autoplay", "show_download_button", "loop",
    )
    EVENTS = ("change", "input", "upload", "clear", "play", "pause", "stop")
    default_label = "Audio"

    def __init__(
        self,
        value: Any = None,
        *,
        sources: list[str] | str | None = None,
        type: Literal["numpy", "filepath"] = "numpy",
        autoplay: bool = False,
        show_download_button: bool | None = None,
        loop: bool = False,
        format: str = "wav",
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "filepath"):
            raise ValueError(f'Audio type must be "numpy" or "filepath", not {type!r}')
        self.type = type
        self.sources = [sources] if isinstance(sources, str) else list(sources or ["upload", "microphone"])
        self.autoplay = autoplay
        self.show_download_button = show_download_button
        self.loop = loop
        super().__init__(value, **kwargs)

    def packages(self) -> tuple[str, ...]:
        return ("numpy",) if self.type == "numpy" else ()

    def read_edit(self, value: Any) -> Pcm | None:
        return None if value is None else check_pcm(value)

    def preprocess(self, value: Pcm | None) -> Any:
        if value is None:
            return None
        if self.type == "filepath":
            return _write_temp_wav(value)
        return value["sample_rate"], _to_numpy(value)

    def postprocess(self, value: Any) -> Pcm | None:
        if value is None:
            return None
        if isinstance(value, (str, os.PathLike)):
            return read_wav(os.fspath(value))
        if isinstance(value, dict):
            return check_pcm(value)
        if isinstance(value, tuple) and len(value) == 2:
            rate, samples = value
            return _from_samples(int(rate), samples)
        raise ValueError(
            "an Audio output must be None, a path to a WAV file or a "
            f"(sample_rate, samples) tuple, not {type(value).__name__}"
        )


def _write_temp_wav(audio: Pcm) -> str:
    import hashlib

    digest = hashlib.sha1(audio["pcm"]).hexdigest()[:16]
    path = os.path.join(_temp_dir(), f"audio-{digest}-{audio['sample_rate']}.wav")
    if not os.path.exists(path):
        write_wav(path, audio)
    return path


_temp: list[str] = []


def _temp_dir() -> str:
    if not _temp:
        import tempfile

        _temp.append(tempfile.mkdtemp(prefix="lite-audio-"))
    return _temp[0]


def _to_numpy(audio: Pcm) -> Any:
    import numpy as np

    samples = np.frombuffer(audio["pcm"], dtype="<i2").astype(np.int16)
    if audio["channels"] > 1:
        samples = samples.reshape(-1, audio["channels"])
    return samples


def _from_samples(rate: int, samples: Any) -> Pcm:
    """Convert samples the way Gradio does: floats are scaled so the peak is full scale."""
    if hasattr(samples, "dtype"):
        return _from_numpy(rate, samples)
    values = list(samples)
    channels = len(values[0]) if values and isinstance(values[0], (list, tuple)) else 1
    flat = [v for frame in values for v in frame] if channels > 1 else values
    if any(isinstance(v, float) for v in flat):
        peak = max((abs(v) for v in flat), default=0) or 1
        flat = [int(32767 * v / peak) for v in flat]
    pcm = array("h", flat)
    if sys.byteorder == "big":
        pcm.byteswap()
    return {"sample_rate": rate, "channels": channels, "pcm": pcm.tobytes()}


def _from_numpy(rate: int, samples: Any) -> Pcm:
    import numpy as np

    data = np.asarray(samples)
    kind, size = data.dtype.kind, data.dtype.itemsize
    if kind == "f":
        peak = np.abs(data).max() if data.size else 0
        data = data / peak if peak else data
        data = (data * 32767).astype(np.int16)
    elif kind == "i" and size == 4:
        data = (data / 65536).astype(np.int16)
    elif kind == "u" and size == 2:
        data = (data.astype(np.int32) - 32768).astype(np.int16)
    elif kind == "u" and size == 1:
        data = (data.astype(np.int32) * 257 - 32768).astype(np.int16)
    elif kind == "i" and size == 1:
        data = data.astype(np.int16) * 256
    else:
        data = data.astype(np.int16)
    channels = 1 if data.ndim == 1 else data.shape[1]
    return {"sample_rate": rate, "channels": channels, "pcm": data.astype("<i2").tobytes()}
