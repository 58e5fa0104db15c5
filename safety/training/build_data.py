"""Build safety/training/data/{train,dev}.jsonl from the hand-written seeds and the templates.

    python -m safety.training.build_data

Deterministic (fixed seed). A seed line goes to dev or train by a hash of its text, so each
seed and all its variants land in one split; templates go to train only. Dev items too close
to any train item (character 4-gram Jaccard >= 0.6 after normalisation) are dropped from dev.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from pathlib import Path

from safety.classifier import normalize
from safety.training.templates import LEAD_INS, PREFIXES, SUFFIXES, TEMPLATES
from safety.training.templates_scenes import SCENE_SAMPLES, SCENES

DATA = Path(__file__).parent / "data"
LANGUAGES = ("en", "es", "pt", "fr", "de")
DEV_SHARE = 0.25
SEED = 20260501
SAMPLES_PER_TEMPLATE = 40
NEAR_DUPLICATE = 0.6


def read_seeds(language: str) -> list[dict]:
    rows, label, category = [], None, None
    files = sorted((DATA / "seeds").glob(f"{language}*.txt"))
    for raw in "\n".join(p.read_text(encoding="utf-8") for p in files).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            label, category = line[1:].split()
            continue
        rows.append(
            {
                "text": line,
                "label": label,
                "category": category,
                "language": language,
                "source": "seed",
            }
        )
    return rows


# The brief's examples (the phrase screen's misses and false referrals) are the specification:
# they always train, and tests/safety/test_classifier.py checks them. They say nothing about
# generalisation, so they are kept out of dev.
PINNED_TO_TRAIN = {
    "i have the rope ready",
    "tonight is my last night",
    "can you tell me the most painless way to die",
    "i scratch my arms until they bleed",
    "ive started giving my things away i wont need them",
    "if im not here next week just know it was my choice",
    "we watched a documentary about suicide prevention in class",
    "we went bungee jumping off a bridge",
}


def in_dev(text: str) -> bool:
    if normalize(text).strip() in PINNED_TO_TRAIN:
        return False
    digest = hashlib.sha256(normalize(text).encode()).digest()
    return digest[0] < 256 * DEV_SHARE


_SLOT = re.compile(r"\{([^{}]*)\}")


def fill(template: str, rng: random.Random) -> str:
    while "{" in template:
        template = _SLOT.sub(lambda m: rng.choice(m[1].split("|")), template, count=1)
    return re.sub(r" +", " ", template).replace(" ,", ",").replace(" ?", "?").strip()


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) > 3 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:j] + w[j + 1 :]  # dropped letter
    elif kind == 1:
        w = w[: j - 1] + w[j] + w[j - 1] + w[j + 1 :]  # swapped letters
    else:
        w = w[:j] + w[j] + w[j:]  # doubled letter
    words[i] = w
    return " ".join(words)


def variants(row: dict, rng: random.Random, n: int) -> list[dict]:
    """The seed itself plus n noisy variants, applied alike to both labels."""
    lang = row["language"]
    out = [row]
    for _ in range(n):
        text = row["text"]
        r = rng.random()
        if r < 0.35:
            text = text.lower()
        elif r < 0.45:
            text = text[:1].upper() + text[1:]
        if rng.random() < 0.4:
            text = text.rstrip(".!?") if rng.random() < 0.5 else re.sub(r"[.,!?']", "", text)
        if lang != "en" and rng.random() < 0.4:
            text = strip_accents(text)
        if rng.random() < 0.35:
            text = typo(text, rng)
        text = rng.choice(PREFIXES[lang]) + text + rng.choice(SUFFIXES[lang])
        if rng.random() < 0.15:
            text = rng.choice(LEAD_INS[lang]) + " " + text
        out.append({**row, "text": text.strip()})
    return out


def from_templates(rng: random.Random) -> list[dict]:
    rows = []
    for (label, category), by_language in TEMPLATES.items():
        for lang, templates in by_language.items():
            for template in templates:
                seen = set()
                # A template with more fillers can give more distinct messages.
                wanted = min(SAMPLES_PER_TEMPLATE + 2 * template.count("|"), 160)
                for _ in range(wanted * 3):
                    text = fill(template, rng)
                    if text in seen:
                        continue
                    seen.add(text)
                    rows.append(
                        {
                            "text": text,
                            "label": label,
                            "category": category,
                            "language": lang,
                            "source": "template",
                        }
                    )
                    if len(seen) >= wanted:
                        break
    return rows


def from_scenes(rng: random.Random) -> list[dict]:
    rows = []
    for lang, templates in SCENES.items():
        for template in templates:
            texts = {fill(template, rng) for _ in range(SCENE_SAMPLES * 2)}
            for text in sorted(texts)[:SCENE_SAMPLES]:
                rows.append(
                    {
                        "text": text,
                        "label": "none",
                        "category": "everyday",
                        "language": lang,
                        "source": "scene",
                    }
                )
    return rows


def _shingles(text: str) -> set[str]:
    t = f" {normalize(text)} "
    return {t[i : i + 4] for i in range(len(t) - 3)}


def drop_near_duplicates(dev: list[dict], train: list[dict]) -> list[dict]:
    index: dict[str, list[int]] = {}
    train_sets = [_shingles(r["text"]) for r in train]
    for i, s in enumerate(train_sets):
        for g in s:
            index.setdefault(g, []).append(i)
    kept = []
    for row in dev:
        s = _shingles(row["text"])
        counts: dict[int, int] = {}
        for g in s:
            for i in index.get(g, ()):
                counts[i] = counts.get(i, 0) + 1
        best = max((c / (len(s) + len(train_sets[i]) - c) for i, c in counts.items()), default=0)
        if best < NEAR_DUPLICATE:
            kept.append(row)
    return kept


def read_context() -> dict[tuple[str, str], list[str]]:
    sets: dict[tuple[str, str], list[str]] = {}
    key = None
    for raw in (DATA / "seeds" / "context.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            if line.startswith("@"):
                key = tuple(line[1:].split())
                sets[key] = []
            else:
                sets[key].append(line)
    return sets


def context_rows() -> list[dict]:
    """Ambiguous messages after distress (crisis) and after good news (none); ordinary after distress."""
    sets, rows = read_context(), []
    for lang in LANGUAGES:
        distress, neutral = sets[("distress", lang)], sets[("neutral", lang)]
        for i, text in enumerate(sets[("ambiguous", lang)]):
            rows.append(
                {
                    "text": text,
                    "label": "crisis",
                    "category": "ambiguous_after_distress",
                    "language": lang,
                    "context": [distress[i % len(distress)]],
                }
            )
            rows.append(
                {
                    "text": text,
                    "label": "crisis",
                    "category": "ambiguous_after_distress_2back",
                    "language": lang,
                    "context": [distress[(i + 1) % len(distress)], "ok"],
                }
            )
            rows.append(
                {
                    "text": text,
                    "label": "none",
                    "category": "ambiguous_after_good_news",
                    "language": lang,
                    "context": [neutral[i % len(neutral)]],
                }
            )
        for i, text in enumerate(sets[("ordinary", lang)]):
            for d in distress:
                rows.append(
                    {
                        "text": text,
                        "label": "none",
                        "category": "ordinary_after_distress",
                        "language": lang,
                        "context": [d],
                    }
                )
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    rng = random.Random(SEED)
    seeds = [row for lang in LANGUAGES for row in read_seeds(lang)]
    dev_seeds = [r for r in seeds if in_dev(r["text"])]
    train_seeds = [r for r in seeds if not in_dev(r["text"])]

    train = []
    for row in train_seeds:
        pinned = normalize(row["text"]).strip() in PINNED_TO_TRAIN
        # Short everyday replies ("sure", "done", "no") carry few n-grams each, and every one of
        # them also occurs in crisis rows: without more weight they scored as crisis.
        short_none = row["label"] == "none" and len(row["text"].split()) <= 3
        train += variants(row, rng, 30 if pinned else 20 if short_none else 6)
    templated = from_templates(rng)
    for row in templated:
        train += variants(row, rng, 1)
    for row in from_scenes(rng):
        train += variants(row, rng, 0)
    # Two-sentence rows (an ordinary sentence before a seed) lowered dev recall at a fixed
    # false-referral rate (0.58 -> 0.54): long messages are scored chunk by chunk instead.

    dev = []
    for row in dev_seeds:
        dev += variants(row, rng, 1)
    dev = drop_near_duplicates(dev, train)

    # Exact duplicates inside a split carry no information.
    train = list({(r["text"], r["label"]): r for r in train}.values())
    dev = list({(r["text"], r["label"]): r for r in dev}.values())
    rng.shuffle(train)
    write_jsonl(DATA / "train.jsonl", train)
    write_jsonl(DATA / "dev.jsonl", dev)
    write_jsonl(DATA / "dev_context.jsonl", context_rows())
    for name, rows in (("train", train), ("dev", dev)):
        by = {}
        for r in rows:
            by[(r["language"], r["label"])] = by.get((r["language"], r["label"]), 0) + 1
        print(name, len(rows), dict(sorted(by.items())))


if __name__ == "__main__":
    main()
