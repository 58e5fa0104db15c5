import pytest

from project.redis import redis_client
from relationships.chat.limits import DAY, _keys, chat_admit, chat_release

pytestmark = pytest.mark.django_db

TODAY = 20_000 * DAY + 3600  # 01:00 UTC on some day
YESTERDAY_LATE = TODAY - 2 * 3600  # 23:00 UTC the day before


def tokens_on(day_time: float) -> int:
    return int(redis_client().get(_keys(1, 2, day_time)[1]) or 0)


def test_a_turn_spanning_midnight_settles_on_the_day_it_was_admitted():
    assert chat_admit(user_id=1, partner_id=2, reply_id="old", reserve_tokens=1000, now=YESTERDAY_LATE) is None
    assert chat_admit(user_id=1, partner_id=3, reply_id="new", reserve_tokens=1000, now=TODAY) is None

    chat_release(user_id=1, partner_id=2, reply_id="old", reserved=1000, used=100, admitted_at=YESTERDAY_LATE)

    assert tokens_on(YESTERDAY_LATE) == 100
    assert tokens_on(TODAY) == 1000  # today's reservation is untouched


def test_release_frees_only_its_own_slot():
    assert chat_admit(user_id=1, partner_id=2, reply_id="mine", reserve_tokens=10, now=TODAY) is None
    chat_release(user_id=1, partner_id=2, reply_id="someone-else", reserved=0, used=0, admitted_at=TODAY)
    refusal = chat_admit(user_id=1, partner_id=2, reply_id="next", reserve_tokens=10, now=TODAY)
    assert refusal is not None and refusal.code == "busy"
