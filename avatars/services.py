import logging

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from avatars import catalog, compose, render, scenes
from avatars.generation import clean_caption, fallback_caption, selfie_caption_prompt
from avatars.image_endpoint import scene_from_endpoint
from avatars.models import Avatar, Selfie
from avatars.selectors import avatar_config_of, selfie_expression
from avatars.uploads import UploadRejected, sanitize_photo
from project.errors import UNPROCESSABLE, ApplicationError
from project.events import Frame, Push, frame, user_event_on_commit
from project.images import ai_generated_xmp
from project.jobs import enqueue_on_commit
from project.llm import LLMError
from project.llm.complete import complete
from project.media import files_delete_on_commit
from relationships.models import Partner

logger = logging.getLogger(__name__)

# A rendered avatar is a pure function of its key, so it may live as long as the cache keeps it.
AVATAR_CACHE_SECONDS = 7 * 24 * 3600
PHOTO_QUALITY = 90
SELFIE_QUALITY = 88
SELFIE_SIZE = 1024
# The photo is drawn about 400 px wide; 1000 lets libjpeg decode a 4000x3000 phone
# photo at a quarter scale, 18 ms instead of 0.5 s at 2048 (bench/selfie.py).
PHOTO_MAX_SIDE = 1000


def avatar_set(*, partner: Partner, config: dict) -> Avatar:
    """Store the look for `partner`; the whole config is validated (modest outfits for minors)."""
    try:
        clean = catalog.validate_config(config, minor=partner.owner.is_minor)
    except catalog.AvatarConfigError as exc:
        raise ApplicationError(
            UNPROCESSABLE if exc.policy else "invalid",
            "This avatar cannot be built from these choices.",
            fields={f"config.{kind}": errors for kind, errors in exc.fields.items()},
        ) from None
    avatar, _ = Avatar.objects.update_or_create(partner=partner, defaults={"config": clean})
    return avatar


def avatar_png(*, config: dict, key: str, expression: str, size: int) -> bytes:
    """The PNG for `key` (render.avatar_key of the same arguments), rendered once per key.

    Rendering is deterministic, so the key names the picture: it is the ETag and
    the cache key, and a changed look is a new key.
    """
    cache_key = f"avatar:{key}"
    png = cache.get(cache_key)
    if png is None:
        png = render.render_avatar_png(config, expression=expression, size=size)
        cache.set(cache_key, png, AVATAR_CACHE_SECONDS)
    return png


def selfie_request(*, partner: Partner, destination: str, caption: str, photo, photo_size: int | None) -> Selfie:
    """Queue a selfie. The photo is decoded, stripped of metadata and re-encoded here,
    so a bad upload is refused at once (400/413) and no original byte is ever stored.

    The worker is asked after commit; `selfie.ready` (or `selfie.failed`) follows.
    """
    if scenes.destination_get(destination) is None:
        raise ApplicationError("invalid", "Unknown destination.", fields={"destination": ["Unknown destination."]})
    pending = Selfie.objects.filter(
        partner__owner_id=partner.owner_id, status__in=(Selfie.Status.QUEUED, Selfie.Status.RUNNING)
    ).count()
    if pending >= settings.SELFIES_MAX_PENDING:
        raise ApplicationError(
            "too_many_selfies", "Some selfies are still being made; try again when they are done."
        )
    photo_name = ""
    if photo is not None:
        try:
            image = sanitize_photo(
                photo,
                size=photo_size,
                max_bytes=settings.UPLOAD_MAX_BYTES,
                max_pixels=settings.UPLOAD_MAX_PIXELS,
                max_side=PHOTO_MAX_SIDE,
            )
        except UploadRejected as exc:
            raise ApplicationError(exc.code, exc.detail, fields={"photo": [exc.detail]}) from None
        photo_name = default_storage.save(
            Selfie.new_photo_name(), ContentFile(compose.encode_jpeg(image, quality=PHOTO_QUALITY))
        )
    try:
        with transaction.atomic():
            selfie = Selfie.objects.create(
                partner=partner, destination=destination, caption=caption, photo=photo_name
            )
            enqueue_on_commit("avatars.tasks.selfie_compose_task", selfie.pk)
    except Exception:
        if photo_name:
            default_storage.delete(photo_name)
        raise
    return selfie


def _claim(selfie_id: int) -> Selfie | None:
    """Mark the selfie running, unless it is finished (a retried or duplicated task)."""
    with transaction.atomic():
        selfie = (
            Selfie.objects.select_for_update()
            .select_related("partner__owner")
            .filter(pk=selfie_id)
            .first()
        )
        if selfie is None or selfie.status in (Selfie.Status.DONE, Selfie.Status.FAILED):
            return None
        selfie.status = Selfie.Status.RUNNING
        selfie.save(update_fields=["status"])
    return selfie


def _caption_for(selfie: Selfie, destination) -> str:
    try:
        text = complete(
            selfie_caption_prompt(
                partner=selfie.partner, destination=destination, user_caption=selfie.caption
            ),
            max_tokens=60,
        )
        caption = clean_caption(text)
    except LLMError:
        caption = ""
    return caption or fallback_caption(destination)


def selfie_compose(*, selfie_id: int) -> Selfie | None:
    """Make the picture for a queued selfie, once.

    Idempotent: a finished selfie is left alone, and when two deliveries of the
    task race, the first to finish wins and the other discards its picture. The
    LLM (caption) and the image endpoint (scene) each fall back to our own, so a
    selfie does not fail because either is down. After commit the user's sockets
    hear `selfie.ready` and the uploaded photo is deleted.
    """
    selfie = _claim(selfie_id)
    if selfie is None:
        return None
    destination = scenes.destination_get(selfie.destination)
    config = avatar_config_of(selfie.partner)
    expression = selfie_expression(selfie.partner)
    size = SELFIE_SIZE
    generated_scene = scene_from_endpoint(destination, size=size)
    scene = generated_scene or scenes.render_scene(destination["code"], size=size)
    photo = None
    if selfie.photo:
        with default_storage.open(selfie.photo.name, "rb") as fh:
            photo = sanitize_photo(
                fh, size=None, max_bytes=settings.UPLOAD_MAX_BYTES, max_pixels=settings.UPLOAD_MAX_PIXELS,
                max_side=PHOTO_MAX_SIDE,
            )
    partner_caption = _caption_for(selfie, destination)
    picture = compose.selfie_picture(
        scene=scene,
        avatar=render.render_pose(
            config, expression=expression, height=compose.avatar_height(size=size, with_photo=photo is not None)
        ),
        photo=photo,
        caption=partner_caption,
        size=size,
    )
    # The AI marking (EU AI Act Art. 50(2)): what made the picture, in IPTC's terms.
    if generated_scene is not None:
        source_type = "compositeWithTrainedAlgorithmicMedia" if photo is not None else "trainedAlgorithmicMedia"
    else:
        source_type = "compositeSynthetic" if photo is not None else "algorithmicMedia"
    jpeg = compose.encode_jpeg(picture, quality=SELFIE_QUALITY, xmp=ai_generated_xmp(source_type=source_type))
    image_name = default_storage.save(Selfie.new_image_name(), ContentFile(jpeg))
    try:
        return _selfie_done(selfie, image_name, partner_caption, expression)
    except BaseException:
        default_storage.delete(image_name)  # never a file without its row
        raise


def _selfie_done(selfie: Selfie, image_name: str, partner_caption: str, expression: str) -> Selfie | None:
    with transaction.atomic():
        current = Selfie.objects.select_for_update().filter(pk=selfie.pk).first()
        if current is None:  # deleted while it was being made (by the user, or an erasure)
            files_delete_on_commit([image_name])
            return None
        if current.status == Selfie.Status.DONE:
            files_delete_on_commit([image_name])
            return current
        photo_name = current.photo.name
        current.image = image_name
        current.photo = ""
        current.partner_caption = partner_caption
        current.expression = expression
        current.status = Selfie.Status.DONE
        current.failure_reason = ""
        current.finished_at = timezone.now()
        current.save()
        if photo_name:
            files_delete_on_commit([photo_name])
        current.partner = selfie.partner
        user_event_on_commit(
            user_id=selfie.partner.owner_id,
            frame=frame(Frame.SELFIE_READY, selfie=selfie_payload(current)),
            push=Push(
                kind=Frame.SELFIE_READY,
                title=selfie.partner.name,
                body="Your vacation selfie is ready.",
                data={"partner_id": selfie.partner_id, "selfie_id": selfie.pk},
            ),
        )
    return current


def selfie_fail(*, selfie_id: int, reason: str) -> None:
    """Record why a selfie could not be made, delete its photo, and tell the user's sockets."""
    with transaction.atomic():
        selfie = Selfie.objects.select_for_update().select_related("partner").filter(pk=selfie_id).first()
        if selfie is None or selfie.status == Selfie.Status.DONE:
            return
        photo_name = selfie.photo.name
        selfie.status = Selfie.Status.FAILED
        selfie.failure_reason = reason[:200]
        selfie.photo = ""
        selfie.finished_at = timezone.now()
        selfie.save()
        if photo_name:
            files_delete_on_commit([photo_name])
        user_event_on_commit(
            user_id=selfie.partner.owner_id, frame=frame(Frame.SELFIE_FAILED, selfie=selfie_payload(selfie))
        )


def selfie_payload(selfie: Selfie) -> dict:
    """The selfie as the API shows it, for events."""
    from avatars.serializers import SelfieSerializer

    return dict(SelfieSerializer(selfie).data)


def selfie_delete(*, selfie: Selfie) -> None:
    """Delete a selfie, its files and the Moment that shared it."""
    with transaction.atomic():
        files_delete_on_commit([name for name in (selfie.image.name, selfie.photo.name) if name])
        selfie.delete()
