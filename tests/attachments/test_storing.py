"""The path voice notes and images share on their way in (attachments/storing.py)."""

import pytest

from attachments import storing
from attachments.models import Attachment
from tests.attachments.conftest import stored_files
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_upload_whose_row_cannot_be_written_leaves_no_file(media_root, monkeypatch):
    user = UserFactory()
    partner = PartnerFactory(owner=user)

    def broken(**fields):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Attachment.objects, "create", broken)
    with pytest.raises(RuntimeError):
        storing.attachment_store(
            data=b"RIFF....", extension="wav", task="attachments.tasks.attachment_transcribe_task",
            owner=user, partner=partner, kind=Attachment.Kind.VOICE, container="wav", codec="pcm_s16le",
        )
    assert stored_files(media_root) == []


def test_a_ready_attachment_is_not_claimed_again():
    user = UserFactory()
    attachment = Attachment.objects.create(
        owner=user, partner=PartnerFactory(owner=user), kind=Attachment.Kind.VOICE, status=Attachment.Status.READY,
        file="attachments/x.wav", container="wav", codec="pcm_s16le", size_bytes=8,
    )
    assert storing.attachment_claim(attachment.pk, kind=Attachment.Kind.VOICE, working="transcribing") is None
    assert storing.attachment_claim(attachment.pk, kind=Attachment.Kind.IMAGE, working="processing") is None
    attachment.status = Attachment.Status.FAILED
    attachment.save()
    claimed = storing.attachment_claim(attachment.pk, kind=Attachment.Kind.VOICE, working="transcribing")
    assert claimed.status == "transcribing" and claimed.attempts == attachment.attempts + 1
