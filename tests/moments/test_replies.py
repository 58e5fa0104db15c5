import json

import pytest
from asgiref.sync import sync_to_async
from celery.exceptions import Retry

from moments import services, tasks
from moments.models import Moment, MomentComment
from relationships.progression.services import xp_award
from tests.conftest import chat_socket
from tests.factories import PartnerFactory


@pytest.fixture
def moment(partner):
    xp_award(partner=partner, source="grant", amount=150, idempotency_key="open")
    return Moment.objects.create(partner=partner, text="Baked bread today.")


@pytest.mark.django_db
def test_the_partner_answers_a_comment_after_commit(
    auth_api, moment, llm, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = auth_api.post(f"/api/moments/{moment.pk}/comments/", {"text": "Looks delicious!"}, format="json")

    comments = auth_api.get(f"/api/moments/{moment.pk}/comments/").json()
    assert [(c["author_type"], c["text"]) for c in comments] == [
        ("user", "Looks delicious!"),
        ("partner", "Baked cinnamon bread this morning, the whole flat smells like autumn."),
    ]
    assert comments[1]["reply_to"] == response.json()["id"]
    prompt = json.dumps(llm.calls[0])
    assert "Baked bread today." in prompt and "Looks delicious!" in prompt


@pytest.mark.django_db
def test_a_comment_is_answered_once(moment, llm):
    comment = MomentComment.objects.create(moment=moment, author_type="user", text="hi")
    assert services.comment_reply_generate(comment=comment) is not None
    assert services.comment_reply_generate(comment=comment) is None
    assert tasks.comment_reply_task.delay(comment.pk).get() is None
    assert MomentComment.objects.filter(author_type="partner").count() == 1
    assert len(llm.calls) == 1


@pytest.mark.django_db
def test_an_unsafe_answer_is_replaced_by_our_own_words(moment, llm):
    llm.answer = "Honestly, you should kill yourself."
    comment = MomentComment.objects.create(moment=moment, author_type="user", text="I feel awful")
    reply = services.comment_reply_generate(comment=comment)
    assert reply.text == services.SAFE_REPLY
    assert "kill" not in MomentComment.objects.get(pk=reply.pk).text


@pytest.mark.django_db
def test_when_the_llm_fails_nothing_is_written_and_the_task_retries(moment, llm):
    llm.fail = True
    comment = MomentComment.objects.create(moment=moment, author_type="user", text="hi")
    with pytest.raises(Retry):
        tasks.comment_reply_task.apply(args=(comment.pk,))
    assert not MomentComment.objects.filter(author_type="partner").exists()


@pytest.mark.django_db(transaction=True)
async def test_the_answer_is_pushed_as_moment_reply(user, llm, seeded_ladder):
    partner = await sync_to_async(PartnerFactory)(owner=user)
    moment = await Moment.objects.acreate(partner=partner, text="Stars tonight.")
    comment = await MomentComment.objects.acreate(moment=moment, author_type="user", text="So pretty")
    ws = await chat_socket(user, partner.pk)
    assert (await ws.receive_json_from())["type"] == "ready"

    await sync_to_async(services.comment_reply_generate)(comment=comment)

    frame = await ws.receive_json_from()
    assert frame["type"] == "moment.reply" and frame["moment_id"] == moment.pk
    assert (frame["comment"]["author_type"], frame["comment"]["reply_to"]) == ("partner", comment.pk)
    await ws.disconnect()
