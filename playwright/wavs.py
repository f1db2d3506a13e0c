"""WAV files for the browser tests, written and read with the standard library."""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from pathlib import Path

AMPLITUDE = 8192


def tone_samples(
    frequency: float, seconds: float, rate: int = 16000, channels: int = 1
) -> array:
    """Return a sine tone as interleaved 16-bit samples, the same on every channel."""
    frames = int(rate * seconds)
    return array(
        "h",
        (
            int(AMPLITUDE * math.sin(2 * math.pi * frequency * frame / rate))
            for frame in range(frames)
            for _ in range(channels)
        ),
    )


def write_wav(path: Path, samples: array, rate: int = 16000, channels: int = 1) -> Path:
    """Write 16-bit PCM ``samples`` to ``path`` as a WAV file and return the path."""
    data = array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(data.tobytes())
    return path


def write_tone(
    path: Path,
    frequency: float,
    seconds: float,
    rate: int = 16000,
    channels: int = 1,
) -> Path:
    """Write a 16-bit sine tone to ``path`` as a WAV file and return the path."""
    samples = tone_samples(frequency, seconds, rate, channels)
    return write_wav(path, samples, rate, channels)


def read_wav(source: Path | bytes) -> tuple[int, int, array]:
    """Read a 16-bit WAV file, or its bytes, and return its sample rate, channels
    and interleaved samples."""
    opened = io.BytesIO(source) if isinstance(source, bytes) else str(source)
    with wave.open(opened, "rb") as reader:
        if reader.getsampwidth() != 2:
            raise ValueError(
                f"The WAV data has {8 * reader.getsampwidth()}-bit samples, "
                "but only 16-bit samples can be read."
            )
        samples = array("h", reader.readframes(reader.getnframes()))
        rate, channels = reader.getframerate(), reader.getnchannels()
    if sys.byteorder == "big":
        samples.byteswap()
    return rate, channels, samples
