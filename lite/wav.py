"""16-bit PCM audio: the one audio format that crosses between page and engine.

Only the standard library is used here, so audio works in Pyodide without numpy.
"""

from __future__ import annotations

import io
import sys
import wave
from array import array
from typing import Any, TypedDict


class Pcm(TypedDict):
    """Audio as the page sends and receives it: interleaved 16-bit little-endian."""

    sample_rate: int
    channels: int
    pcm: bytes


def read_wav(path: str) -> Pcm:
    """Read a PCM WAV file and convert its samples to 16 bits.

    Raises:
        ValueError: The file is not a PCM WAV file.
    """
    try:
        with wave.open(path, "rb") as reader:
            width = reader.getsampwidth()
            frames = reader.readframes(reader.getnframes())
            pcm: Pcm = {
                "sample_rate": reader.getframerate(),
                "channels": reader.getnchannels(),
                "pcm": _to_16_bit(frames, width),
            }
    except (wave.Error, EOFError) as error:
        raise ValueError(f"{path} is not a PCM WAV file: {error}") from error
    return pcm


def write_wav(path: str, audio: Pcm) -> None:
    """Write ``audio`` to ``path`` as a 16-bit PCM WAV file."""
    with wave.open(path, "wb") as writer:
        writer.setnchannels(audio["channels"])
        writer.setsampwidth(2)
        writer.setframerate(audio["sample_rate"])
        writer.writeframes(audio["pcm"])


def wav_bytes(audio: Pcm) -> bytes:
    """Return ``audio`` encoded as the bytes of a WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(audio["channels"])
        writer.setsampwidth(2)
        writer.setframerate(audio["sample_rate"])
        writer.writeframes(audio["pcm"])
    return buffer.getvalue()


def _to_16_bit(frames: bytes, width: int) -> bytes:
    if width == 2:
        return frames
    if width == 1:  # unsigned 8-bit
        samples = array("h", ((byte - 128) << 8 for byte in frames))
    elif width in (3, 4):
        samples = array("h", (
            int.from_bytes(frames[i + width - 2:i + width], "little", signed=True)
            for i in range(0, len(frames), width)
        ))
    else:
        raise ValueError(f"unsupported sample width of {width} bytes")
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def check_pcm(value: Any) -> Pcm:
    """Check that ``value`` is a well-formed :class:`Pcm` and return it.

    Raises:
        ValueError: A field is missing or has the wrong type or size.
    """
    if not isinstance(value, dict):
        raise ValueError(f"audio must be an object with sample_rate, channels and pcm, not {value!r}")
    rate, channels, pcm = value.get("sample_rate"), value.get("channels"), value.get("pcm")
    if not isinstance(rate, int) or isinstance(rate, bool) or not 1 <= rate <= 768_000:
        raise ValueError(f"audio sample_rate must be a whole number of Hz, not {rate!r}")
    if not isinstance(channels, int) or isinstance(channels, bool) or not 1 <= channels <= 32:
        raise ValueError(f"audio channels must be between 1 and 32, not {channels!r}")
    if not isinstance(pcm, (bytes, bytearray, memoryview)):
        raise ValueError("audio pcm must be a binary buffer of 16-bit samples")
    pcm = bytes(pcm)
    if len(pcm) % (2 * channels):
        raise ValueError(f"audio pcm of {len(pcm)} bytes is not a whole number of "
                         f"{channels}-channel 16-bit frames")
    return {"sample_rate": rate, "channels": channels, "pcm": pcm}
