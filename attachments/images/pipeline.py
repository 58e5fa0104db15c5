"""An image message's whole pixel work, in the order the worker runs it.

decode (refusals: decode.CODES) -> NSFW screen (refusal: image_not_allowed, before anything
is stored and before any more work) -> perception -> the prompt's description and the
thumbnail. Pure: it reads `data` and writes nothing; the caller stores `decoded.jpeg` and
`thumbnail` only when this returns.
"""

import time
from dataclasses import dataclass, field

from attachments.images import nsfw, perception
from attachments.images.decode import DecodedImage, ImageRejected, image_decode, image_thumbnail


@dataclass(frozen=True)
class ProcessedImage:
    decoded: DecodedImage
    nsfw_score: float
    perception: perception.Perception
    description: str  # perception_describe: for the prompt when no vision model is configured
    thumbnail: bytes  # JPEG, at most 320 px
    timings_ms: dict[str, float] = field(default_factory=dict)  # per step, for the log


def image_process(
    data: bytes, *, max_bytes: int, max_pixels: int, user_is_minor: bool, adult_setting: str
) -> ProcessedImage:
    """Raises ImageRejected: one of decode.CODES, or nsfw.REFUSED when the policy refuses the
    image (`nsfw.image_allowed`), in which case nothing of it should be kept."""
    timings: dict[str, float] = {}
    start = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal start
        now = time.perf_counter()
        timings[name] = round((now - start) * 1000, 1)
        start = now

    decoded = image_decode(data, max_bytes=max_bytes, max_pixels=max_pixels)
    lap("decode")
    score = nsfw.nsfw_score(decoded.image)
    lap("nsfw")
    if not nsfw.image_allowed(score=score, user_is_minor=user_is_minor, adult_setting=adult_setting):
        raise ImageRejected(nsfw.REFUSED, "This image cannot be shared here.")
    seen = perception.perceive(decoded.image)
    lap("perception")
    description = perception.perception_describe(seen)
    thumbnail = image_thumbnail(decoded.image)
    lap("describe")
    return ProcessedImage(decoded, score, seen, description, thumbnail, timings)
