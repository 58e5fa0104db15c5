import datetime

import pytest

from tests.conftest import conversation

from project.llm.client import estimate_tokens
from relationships.chat.prompt import WARMTH, build_messages, system_prompt
from relationships.models import Message
from tests.factories import PartnerFactory

NOW = datetime.datetime(2026, 11, 22, 23, 30, tzinfo=datetime.UTC)


def turns(count: int, *, start: datetime.datetime, text: str = "word " * 40) -> list[Message]:
    return [
        Message(
            role=Message.Role.USER if (count - 1 - n) % 2 == 0 else Message.Role.PARTNER,
            text=f"{n}: {text}",
            created_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(count)
    ]


@pytest.fixture
def partner(db):
    return PartnerFactory.build(
        name="Mira", personality=["warm"], interests=["stars"], backstory="By the sea."
    )


def build(partner, history, budget=500, level=0):
    return build_messages(
        partner=partner,
        user_name="Sam",
        time_zone="Europe/Paris",
        history=history,
        now=NOW,
        history_budget_tokens=budget,
        level=level,
    )


def test_input_stays_bounded_however_long_the_conversation(partner):
    sizes = []
    for count in (10, 100, 600):
        history = turns(count, start=NOW - datetime.timedelta(hours=12))
        prompt = build(partner, history)
        sizes.append(sum(estimate_tokens(m["content"]) for m in conversation(prompt)))
        assert prompt[-1]["content"] == history[-1].text  # the message being answered
        assert prompt[-1]["role"] == "user"
    assert sizes[1] == sizes[2] <= 500


def test_the_newest_turns_are_kept_oldest_first(partner):
    history = turns(50, start=NOW - datetime.timedelta(hours=1))
    kept = [m["content"] for m in conversation(build(partner, history))]
    assert kept == [m.text for m in history[-len(kept):]]


def test_an_oversized_message_being_answered_is_still_sent(partner):
    history = turns(3, start=NOW - datetime.timedelta(minutes=5), text="x" * 10_000)
    prompt = build(partner, history, budget=100)
    assert conversation(prompt) == [{"role": "user", "content": history[-1].text}]


def test_the_system_prompt_knows_the_partner_the_local_time_and_the_gap(partner):
    text = system_prompt(
        partner=partner,
        user_name="Sam",
        now=NOW,
        time_zone="Europe/Paris",
        since_last_exchange=datetime.timedelta(days=3),
    )
    assert "You are Mira" in text and "warm" in text and "stars" in text and "By the sea." in text
    assert "Monday 23 November 2026, 00:30" in text  # Paris is an hour ahead of UTC
    assert "3 days ago" in text
    assert "without guilt" in text
    assert "never claim to be human" in text


def test_the_tone_warms_with_the_level(partner):
    def prompt(level):
        return system_prompt(
            partner=partner, user_name="S", now=NOW, time_zone="UTC",
            since_last_exchange=None, level=level,
        )

    assert WARMTH[0] in prompt(0) and WARMTH[3] in prompt(3)
    assert WARMTH[-1] in prompt(99)
    assert "first conversation" in prompt(0)


@pytest.mark.django_db
def test_history_api_pages_newest_first_and_is_owner_scoped(auth_api, user, other_user):
    mine = PartnerFactory(owner=user)
    theirs = PartnerFactory(owner=other_user)
    for n in range(5):
        Message.objects.create(partner=mine, role="user", text=f"m{n}", client_id=f"c{n}")
    Message.objects.create(partner=theirs, role="user", text="secret")

    first = auth_api.get(f"/api/partners/{mine.pk}/messages/", {"page_size": 3}).json()
    second = auth_api.get(first["next"]).json()

    assert [m["text"] for m in first["results"] + second["results"]] == ["m4", "m3", "m2", "m1", "m0"]
    assert set(first["results"][0]) == {
        "id", "role", "text", "client_id", "reply_to", "finish_reason", "mood", "proactive_kind", "attachment",
        "created_at",
    }
    response = auth_api.get(f"/api/partners/{theirs.pk}/messages/")
    assert response.status_code == 404 and "secret" not in response.content.decode()


def test_the_prompt_runs_from_the_most_stable_to_the_most_volatile(partner):
    """Two turns share everything up to the newest exchange, so a prompt cache reuses it."""
    import datetime

    from django.utils import timezone

    from relationships.chat.prompt import build_messages
    from relationships.models import Message

    now = timezone.now()
    history = []
    for n, role in enumerate(["user", "partner"] * 4):
        message = Message(partner=partner, role=role, text=f"line {n}")
        message.created_at = now - datetime.timedelta(minutes=30 - n)
        history.append(message)

    def prompt(rows, at, memories):
        return build_messages(
            partner=partner, user_name="Sam", time_zone="UTC", history=rows, now=at,
            history_budget_tokens=2000, memories=memories, reply_words=25,
        )

    first = prompt(history[:5], now, ["The user's dog is Biscuit."])
    later = prompt(history[:7], now + datetime.timedelta(minutes=3), ["The user loves hiking."])
    assert first[0] == later[0]  # the stable system prompt, word for word
    assert first[1:-2] == later[1:-4]  # and the history before the newest exchange
    assert later[-2]["role"] == "system" and "hiking" in later[-2]["content"] and "25 words" in later[-2]["content"]
    assert later[-1] == {"role": "user", "content": "line 6"}
    assert "Biscuit" not in later[0]["content"] and "It is" not in later[0]["content"]


def test_a_template_with_one_system_message_gets_everything_in_it(partner):
    from django.utils import timezone

    from relationships.chat.prompt import build_messages
    from relationships.models import Message

    message = Message(partner=partner, role="user", text="hi")
    message.created_at = timezone.now()
    messages = build_messages(
        partner=partner, user_name="Sam", time_zone="UTC", history=[message], now=timezone.now(),
        history_budget_tokens=100, context_last=False,
    )
    assert [m["role"] for m in messages] == ["system", "user"] and "It is" in messages[0]["content"]


@pytest.mark.parametrize("text", ["word " * 10, "ok"])  # the token budget or the session's rows fill first
def test_the_quoted_conversation_keeps_its_start_for_many_turns_once_the_budget_is_full(partner, text):
    """A start that moves every turn changes the prompt right after its stable part, and a local
    model's prefix cache then reads the whole conversation again, every turn."""
    import collections

    from relationships.chat.prompt import history_start
    from relationships.models import PROMPT_HISTORY_ROWS

    held = collections.deque(maxlen=PROMPT_HISTORY_ROWS)  # what a chat session holds
    start, previous, moves = None, None, 0
    for n in range(200):
        at = NOW - datetime.timedelta(minutes=400 - 2 * n)
        history = [*held, Message(role=Message.Role.USER, text=f"{n}: {text}", created_at=at)]
        new_start = history_start(history, budget_tokens=500, max_messages=PROMPT_HISTORY_ROWS, start=start)
        quoted = conversation(build_messages(
            partner=partner, user_name="Sam", time_zone="UTC", history=history, now=at,
            history_budget_tokens=500, history_from=new_start,
        ))
        assert sum(estimate_tokens(m["content"]) for m in quoted) <= 500
        if new_start == start and previous is not None:
            assert quoted[: len(previous)] == previous  # the cache's prefix holds
        moves += new_start != start
        start, previous = new_start, quoted
        held.extend([history[-1], Message(role=Message.Role.PARTNER, text=f"{n}: {text}",
                                          created_at=at + datetime.timedelta(seconds=30))])
    assert 2 <= moves <= 30  # the newest-that-fit window moved on every turn once full: ~180 times
