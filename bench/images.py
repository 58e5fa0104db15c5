"""Benchmark: an image message's pixel work on one core (attachments/images/, project/llm/vision.py).

Not a timed test. One process, pinned to one CPU (os.sched_setaffinity), with every model on
one thread, times each step with time.perf_counter and reports the median and p95:

- web: image_probe of a 12-megapixel phone JPEG (4000x3000, quality 92, EXIF with camera,
  date, GPS, orientation 6) and of a 12 MP HEIC: what the upload request may afford;
- worker: image_decode of each (upright, sRGB, a metadata-free JPEG at most 1600 px), then
  perceive() on the stored pixels split into OCR, faces and smiles, and the rest (light,
  colours, screenshot); nsfw_score; and the vision model's data URL (1024 px);
- models: the first call of each (loading RapidOCR's three ONNX models, the two Haar
  cascades, Open-NSFW), once, in a fresh process's order;
- and the peak RSS of the process, and the load average (this machine's cores are shared:
  the CPU time of each step is reported beside the wall clock).

The photo is the astronaut of tests/attachments/images/data scaled up with noise (a real face
and real texture); the card is tests' birthday card, on which OCR has text to read.
Targets (issue 16): header checks <= 20 ms (wall clock); perception + NSFW + sanitize <= 1.5 s
(median CPU time of the process, since this machine's cores are shared).
Results go to bench/results/images-<time>.json; exit 1 when a target is missed.

    .venv/bin/python bench/images.py            # about a minute
    .venv/bin/python bench/images.py --quick    # fewer repetitions, a smoke run
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))
RESULTS_DIR = Path(__file__).resolve().parent / "results"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("OMP_NUM_THREADS", "1")

TARGET_HEADER_MS = 20
TARGET_WORKER_MS = 1500


def timed(fn, n: int, warmup: int = 1) -> dict:
    for _ in range(warmup):
        fn()
    samples, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
        # CPU time of the process: what the step costs when the core is not shared.
        "cpu_median_ms": round(statistics.median(cpu), 2),
        "n": n,
    }


def phone_photo(format: str) -> bytes:
    from PIL import ExifTags, Image

    from tests.attachments.images.conftest import sample

    photo = sample("astronaut").resize((4000, 3000), Image.Resampling.BICUBIC)
    photo = Image.blend(photo, Image.effect_noise((4000, 3000), 40).convert("RGB"), 0.03)
    exif = Image.Exif()
    exif[ExifTags.Base.Make], exif[ExifTags.Base.Model] = "Hearthphone", "HP 12 Pro"
    exif[ExifTags.Base.DateTime] = "2026:11:20 18:02:11"
    exif[ExifTags.Base.Orientation] = 6
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (48.0, 51.0, 29.0)
    buffer = io.BytesIO()
    if format == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
        photo.save(buffer, "HEIF", quality=80, exif=exif.tobytes())
    else:
        photo.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpu", type=int, default=None, help="the CPU to pin to (default: the last)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    cpu = args.cpu if args.cpu is not None else max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})

    import django

    django.setup()
    from attachments.images import nsfw, perception
    from attachments.images.decode import image_decode, image_probe
    from project.llm.vision import image_data_url
    from tests.attachments.images.conftest import birthday_card

    reps = 3 if args.quick else 12
    limits = {"max_bytes": 20 * 1024 * 1024, "max_pixels": 25_000_000}
    results: dict = {"machine": {"python": platform.python_version(), "cpu": cpu, "processor": platform.processor(),
                                 "load_average": os.getloadavg()}}

    started = time.perf_counter()
    jpeg = phone_photo("JPEG")
    heic = phone_photo("HEIF")
    card = io.BytesIO()
    birthday_card().save(card, "JPEG", quality=90)
    card = card.getvalue()
    results["inputs"] = {"jpeg_bytes": len(jpeg), "heic_bytes": len(heic), "card_bytes": len(card),
                         "made_in_s": round(time.perf_counter() - started, 1)}

    loads = {}
    for name, load in [("ocr", perception._ocr), ("cascades", perception._cascades), ("nsfw", nsfw._classifier)]:
        start = time.perf_counter()
        load()
        loads[name] = round((time.perf_counter() - start) * 1000, 1)
    results["first_load_ms"] = loads

    steps = {}
    steps["web: image_probe, 12 MP JPEG"] = timed(lambda: image_probe(jpeg, **limits), reps * 10)
    steps["web: image_probe, 12 MP HEIC"] = timed(lambda: image_probe(heic, **limits), reps * 10)
    steps["worker: image_decode, 12 MP JPEG"] = timed(lambda: image_decode(jpeg, **limits), reps)
    steps["worker: image_decode, 12 MP HEIC"] = timed(lambda: image_decode(heic, **limits), reps)
    photo = image_decode(jpeg, **limits).image
    card_image = image_decode(card, **limits).image
    steps["worker: OCR (photo, 1600 px stored)"] = timed(lambda: perception.read_text(photo), reps)
    steps["worker: OCR (birthday card)"] = timed(lambda: perception.read_text(card_image), reps)
    steps["worker: faces and smiles"] = timed(lambda: perception.count_faces(photo), reps)
    steps["worker: light, colours, screenshot"] = timed(lambda: perception.perceive(photo, ocr=False, faces=False), reps)
    steps["worker: nsfw_score"] = timed(lambda: nsfw.nsfw_score(photo), reps)
    steps["worker: perceive (all of it), photo"] = timed(lambda: perception.perceive(photo), reps)
    steps["worker: vision data URL (1024 px)"] = timed(lambda: image_data_url(photo), reps)

    def whole_worker():
        decoded = image_decode(jpeg, **limits)
        p = perception.perceive(decoded.image)
        nsfw.nsfw_score(decoded.image)
        perception.perception_describe(p)

    def whole_worker_heic():
        decoded = image_decode(heic, **limits)
        perception.perception_describe(perception.perceive(decoded.image))
        nsfw.nsfw_score(decoded.image)

    steps["worker: decode + perceive + NSFW + describe, 12 MP JPEG"] = timed(whole_worker, reps)
    steps["worker: decode + perceive + NSFW + describe, 12 MP HEIC"] = timed(whole_worker_heic, max(2, reps // 3))
    results["steps"] = steps
    results["card"] = {"text": perception.perceive(card_image).text}
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    # Judged on CPU time: on this shared machine the wall clock measures the neighbours too.
    header = max(steps["web: image_probe, 12 MP JPEG"]["median_ms"], steps["web: image_probe, 12 MP HEIC"]["median_ms"])
    worker = steps["worker: decode + perceive + NSFW + describe, 12 MP JPEG"]["cpu_median_ms"]
    worker_heic = steps["worker: decode + perceive + NSFW + describe, 12 MP HEIC"]["cpu_median_ms"]
    results["targets"] = {
        f"header checks <= {TARGET_HEADER_MS} ms (wall)": header <= TARGET_HEADER_MS,
        f"JPEG: decode + perception + NSFW <= {TARGET_WORKER_MS} ms (CPU)": worker <= TARGET_WORKER_MS,
        f"HEIC: decode + perception + NSFW <= {TARGET_WORKER_MS} ms (CPU)": worker_heic <= TARGET_WORKER_MS,
    }
    width = max(map(len, steps))
    for name, figures in steps.items():
        print(f"{name:<{width}}  median {figures['median_ms']:>8.2f} ms   p95 {figures['p95_ms']:>8.2f} ms"
              f"   cpu {figures['cpu_median_ms']:>8.2f} ms")
    print("first load (ms):", loads, " peak RSS:", results["peak_rss_mb"], "MB")
    print("card OCR:", results["card"]["text"].replace("\n", " / "))
    print("targets:", results["targets"])
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    (RESULTS_DIR / f"images-{stamp}.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(results["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
