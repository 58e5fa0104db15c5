"""Benchmark: a voice note through the embedded speech-to-text engine, as the worker runs it.

Not a timed test. One process, one thread for the engine (STT_THREADS=1 unless --threads):

- a 10 s voice note as a phone sends it (Opus in Ogg; speech from Debian's espeak-ng when it is
  installed, else a tone), encoded with PyAV;
- the web request's part: `audio_probe` (the container's header and a packet count, no
  decoding), timed over several runs;
- the worker's part: loading the model (once per process), then decoding to 16 kHz and
  transcribing, timed over several runs: the real-time factor is their time over the note's
  length; the process's peak RSS after them.

    .venv/bin/python bench/voice.py            # ~30 s
    .venv/bin/python bench/voice.py --seconds 30 --threads 2
"""

import argparse
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

SENTENCE = "I adopted a dog named Biscuit. He sleeps on my bed and steals my socks."


def speech(seconds: float):
    """(16 kHz mono float32 samples, what was said or None)."""
    import av
    import numpy as np

    if shutil.which("espeak-ng"):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "speech.wav"
            text = " ".join([SENTENCE] * 4)
            subprocess.run(["espeak-ng", "-s", "150", "-w", str(path), text], check=True)
            with av.open(str(path)) as source:
                resampler = av.AudioResampler(format="flt", layout="mono", rate=48_000)
                chunks = [f.to_ndarray().reshape(-1) for frame in source.decode(audio=0) for f in resampler.resample(frame)]
            samples = np.concatenate(chunks)[: int(seconds * 48_000)]
            return samples, text
    t = np.arange(int(seconds * 48_000)) / 48_000
    return (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    settings.STT_THREADS = args.threads
    from attachments import stt
    from attachments.audio import audio_decode, audio_probe
    from tests.attachments.conftest import tone

    samples, said = speech(args.seconds)
    note = tone("ogg", samples=samples, rate=48_000)
    duration = len(samples) / 48_000

    probes = []
    for _ in range(20):
        started = time.perf_counter()
        probe = audio_probe(note, max_seconds=120)
        probes.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    stt._embedded_model()
    load_s = time.perf_counter() - started
    runs, text = [], ""
    for _ in range(args.runs):
        started = time.perf_counter()
        text = stt.transcribe_embedded(audio_decode(note, container="ogg", max_seconds=121)).text
        runs.append(time.perf_counter() - started)
    result = {
        "note_seconds": round(duration, 2),
        "note_bytes": len(note),
        "speech": said is not None,
        "probe_ms_median": round(statistics.median(probes), 2),
        "probe_duration_s": probe.duration_s,
        "model_load_s": round(load_s, 2),
        "transcribe_s_median": round(statistics.median(runs), 2),
        "real_time_factor": round(statistics.median(runs) / duration, 3),
        "threads": args.threads,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "said": said,
        "heard": text,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
