import pytest

from project.redis import redis_client
from relationships.chat.limits import DAY, _keys, chat_admit, chat_release, chat_stored

TODAY = 20_000 * DAY + 3600  # 01:00 UTC on some day
YESTERDAY_LATE = TODAY - 2 * 3600  # 23:00 UTC the day before


def tokens_on(day_time: float) -> int:
    return int(redis_client().get(_keys(1, 2, day_time)[1]) or 0)


async def admit(partner_id=2, reply_id="r", client_id=None, reserve=10, now=TODAY):
    return await chat_admit(
        user_id=1, partner_id=partner_id, client_id=client_id or reply_id, reply_id=reply_id,
        reserve_tokens=reserve, now=now,
    )


async def test_a_turn_spanning_midnight_settles_on_the_day_it_was_admitted():
    assert (await admit(2, "old", reserve=1000, now=YESTERDAY_LATE)).admitted
    assert (await admit(3, "new", reserve=1000, now=TODAY)).admitted

    await chat_release(user_id=1, partner_id=2, reply_id="old", reserved=1000, used=100, admitted_at=YESTERDAY_LATE)

    assert tokens_on(YESTERDAY_LATE) == 100
    assert tokens_on(TODAY) == 1000  # today's reservation is untouched


async def test_release_frees_only_its_own_slot():
    assert (await admit(2, "mine")).admitted
    await chat_release(user_id=1, partner_id=2, reply_id="someone-else", reserved=0, used=0, admitted_at=TODAY)
    refusal = (await admit(2, "next")).refusal
    assert refusal is not None and refusal.code == "busy"


async def test_a_resend_is_recognised_without_counting_and_answered_with_its_message():
    assert (await admit(2, "r1", client_id="phone-1")).admitted
    again = await admit(2, "r2", client_id="phone-1")
    assert again.resend and again.message_id is None  # still being stored
    await chat_stored(user_id=1, partner_id=2, client_id="phone-1", message_id=41)
    assert (await admit(2, "r3", client_id="phone-1")).message_id == 41
    assert int(redis_client().get(_keys(1, 2, TODAY)[0])) == 1  # only the first counted


async def test_a_message_that_could_not_be_stored_is_forgotten_so_its_resend_is_new():
    assert (await admit(2, "r1", client_id="c")).admitted
    await chat_release(user_id=1, partner_id=2, reply_id="r1", reserved=10, used=0, admitted_at=TODAY)
    await chat_stored(user_id=1, partner_id=2, client_id="c", message_id=None)
    assert (await admit(2, "r2", client_id="c")).admitted


@pytest.mark.parametrize("refused_by", ["rate", "busy"])
async def test_a_refused_message_leaves_its_client_id_free(settings, refused_by):
    if refused_by == "rate":
        settings.CHAT_RATE_PER_MINUTE = 0
    else:
        assert (await admit(2, "holder", client_id="other")).admitted
    assert (await admit(2, "r1", client_id="c")).refusal is not None
    settings.CHAT_RATE_PER_MINUTE = 100
    await chat_release(user_id=1, partner_id=2, reply_id="holder", reserved=10, used=0, admitted_at=TODAY)
    assert (await admit(2, "r2", client_id="c")).admitted
