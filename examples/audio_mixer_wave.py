"""The guide's audio mixer, rewritten for a browser without numpy.

Tracks arrive as WAV file paths (``type="filepath"``) and are mixed with the
standard library's ``wave`` and ``array`` modules. Unlike the guide's version, each
track is counted once and the mix is as long as the shortest track.
"""

import tempfile
import wave
from array import array

import gradio as gr


def read_track(path, name):
    if path is None:
        raise gr.Error(f"{name} has no audio. Upload a WAV file or remove the track.")
    with wave.open(path, "rb") as reader:
        samples = array("h", reader.readframes(reader.getnframes()))
        return reader.getframerate(), reader.getnchannels(), samples


def mix(tracks):
    rates = {rate for rate, _, _, _ in tracks}
    channels = {count for _, count, _, _ in tracks}
    if len(rates) > 1:
        raise gr.Error(f"The tracks have different sample rates: {sorted(rates)} Hz.")
    if len(channels) > 1:
        raise gr.Error("Mono and stereo tracks cannot be mixed: convert them to the same number of channels.")
    length = min(len(samples) for _, _, samples, _ in tracks)
    mixed = array("h", bytes(2 * length))
    for _, _, samples, volume in tracks:
        for i in range(length):
            mixed[i] = max(-32768, min(32767, mixed[i] + int(samples[i] * volume)))
    return rates.pop(), channels.pop(), mixed


with gr.Blocks() as demo:
    track_count = gr.State(1)
    add_track_btn = gr.Button("Add Track")

    add_track_btn.click(lambda count: count + 1, track_count, track_count)

    @gr.render(inputs=track_count)
    def render_tracks(count):
        audios = []
        volumes = []
        with gr.Row():
            for i in range(count):
                with gr.Column(variant="panel", min_width=200):
                    gr.Textbox(placeholder="Track Name", key=f"name-{i}", show_label=False)
                    track_audio = gr.Audio(label=f"Track {i}", key=f"track-{i}", type="filepath")
                    track_volume = gr.Slider(0, 100, value=100, label="Volume", key=f"volume-{i}")
                    audios.append(track_audio)
                    volumes.append(track_volume)

            def merge(data):
                tracks = []
                for i, (audio, volume) in enumerate(zip(audios, volumes)):
                    rate, count, samples = read_track(data[audio], f"Track {i}")
                    tracks.append((rate, count, samples, data[volume] / 100))
                rate, count, mixed = mix(tracks)
                with tempfile.NamedTemporaryFile(suffix=".wav", delete=False) as handle:
                    path = handle.name
                with wave.open(path, "wb") as writer:
                    writer.setnchannels(count)
                    writer.setsampwidth(2)
                    writer.setframerate(rate)
                    writer.writeframes(mixed.tobytes())
                return path

            merge_btn.click(merge, set(audios + volumes), output_audio)

    merge_btn = gr.Button("Merge Tracks")
    output_audio = gr.Audio(label="Output", interactive=False)

demo.launch()
