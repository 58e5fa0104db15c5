import pytest
from asgiref.sync import sync_to_async
from django.core.management import call_command
from django.test import override_settings

from relationships.models import Level, Relationship, XPEvent
from relationships.progression.services import xp_award
from tests.conftest import assert_error, chat_socket
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def relationship_url(partner) -> str:
    return f"/api/partners/{partner.pk}/relationship/"


def award(partner, amount, key, source=XPEvent.Source.MESSAGE):
    return xp_award(partner=partner, source=source, amount=amount, idempotency_key=key)


def test_the_ladder_has_six_levels_ending_at_three_hearts(auth_api):
    levels = auth_api.get("/api/levels/").json()
    assert [level["level"] for level in levels] == [0, 1, 2, 3, 4, 5]
    assert levels[0] == {"level": 0, "name": "Stranger", "hearts": 0, "xp_required": 0}
    assert levels[-1]["hearts"] == 3
    assert [level["xp_required"] for level in levels] == sorted(level["xp_required"] for level in levels)


def test_a_new_relationship_starts_at_the_lowest_level(auth_api, partner):
    body = auth_api.get(relationship_url(partner)).json()
    assert (body["level"], body["level_name"], body["hearts"], body["xp"]) == (0, "Stranger", 0, 0)
    assert body["xp_for_next_level"] == 50
    assert body["unlocked_features"] == []
    assert {"code": "moments", "required_level": 2} in body["locked_features"]
    assert body["daily_cap"] == 120 and body["xp_today"] == 0 and body["streak_days"] == 0


def test_another_users_relationship_is_404(auth_api, others_partner):
    assert_error(auth_api.get(relationship_url(others_partner)), 404, "not_found")
    assert_error(auth_api.get(f"/api/partners/{others_partner.pk}/relationship/events/"), 404, "not_found")


def test_an_award_is_counted_once_per_key_and_ledgered(auth_api, partner):
    first = award(partner, 30, "msg:1")
    again = award(partner, 30, "msg:1")

    assert (first.amount, first.xp, again.amount, again.duplicate) == (30, 30, 0, True)
    assert Relationship.objects.get(partner=partner).xp == 30
    events = auth_api.get(f"/api/partners/{partner.pk}/relationship/events/").json()["results"]
    assert [(e["source"], e["amount"], e["xp_after"]) for e in events] == [("message", 30, 30)]


@override_settings(PROGRESSION_DAILY_XP_CAP=120)
def test_the_daily_cap_holds_but_grants_pass_it(auth_api, partner):
    assert award(partner, 100, "a").amount == 100
    assert award(partner, 100, "b").amount == 20
    assert award(partner, 100, "c").amount == 0
    assert award(partner, 500, "g", source=XPEvent.Source.GRANT).amount == 500

    body = auth_api.get(relationship_url(partner)).json()
    assert (body["xp"], body["xp_today"]) == (620, 120)
    assert XPEvent.objects.filter(relationship__partner=partner).count() == 3  # no empty rows


def test_xp_is_never_taken_away(partner):
    with pytest.raises(ValueError):
        award(partner, -5, "neg")


def test_the_level_follows_the_ladder_as_operators_edit_it(auth_api, partner):
    award(partner, 100, "x")
    assert auth_api.get(relationship_url(partner)).json()["level"] == 1

    Level.objects.filter(number=2).update(xp_required=90)

    body = auth_api.get(relationship_url(partner)).json()
    assert (body["level"], body["level_name"], body["hearts"]) == (2, "Friend", 1)
    assert "moments" in body["unlocked_features"]


def test_a_locked_feature_answers_403_feature_locked_until_the_level(auth_api, partner, others_partner):
    url = f"/api/partners/{partner.pk}/moments/"
    error = assert_error(auth_api.get(url), 403, "feature_locked")
    assert (error["feature"], error["required_level"]) == ("moments", 2)

    award(partner, 150, "grant", source=XPEvent.Source.GRANT)

    assert auth_api.get(url).status_code == 200
    assert_error(auth_api.get(f"/api/partners/{others_partner.pk}/moments/"), 404, "not_found")


def test_grant_xp_from_a_shell(partner, capsys):
    call_command("grant_xp", partner=partner.pk, amount=160, reason="support ticket 42")
    assert "level 0 -> 2" in capsys.readouterr().out
    event = XPEvent.objects.get()
    assert (event.source, event.amount, event.reason) == ("grant", 160, "shell: support ticket 42")


@pytest.mark.django_db(transaction=True)
async def test_a_grant_crossing_a_threshold_reaches_every_open_socket(
    user, mira, seeded_ladder
):
    other = await sync_to_async(PartnerFactory)(owner=user)
    sockets = []
    for target in (mira, other):
        ws = await chat_socket(user, target.pk)
        assert (await ws.receive_json_from())["type"] == "ready"
        sockets.append(ws)

    await sync_to_async(call_command)(
        "grant_xp", partner=mira.pk, amount=160, reason="test"
    )

    progress = await sockets[0].receive_json_from()
    assert progress == {
        "type": "progress.update", "partner_id": mira.pk, "xp": 160, "level": 2, "xp_delta": 160, "xp_for_next_level": 400
    }
    level_up = await sockets[0].receive_json_from()
    assert level_up == {
        "type": "level.up",
        "partner_id": mira.pk,
        "level": 2,
        "name": "Friend",
        "hearts": 1,
        "unlocked": ["nickname", "moments", "proactive_messages"],
    }
    # The socket on the other partner hears the level-up, not the progress of another bond.
    assert (await sockets[1].receive_json_from())["type"] == "level.up"
    assert await sockets[1].receive_nothing(timeout=0.2)
    for ws in sockets:
        await ws.disconnect()


@pytest.fixture
def mira(user):
    return PartnerFactory(owner=user, name="Mira")


@pytest.fixture
def operator(client, db):
    from tests.factories import UserFactory

    admin_user = UserFactory(is_staff=True, is_superuser=True, username="ops")
    client.force_login(admin_user)
    return client


def test_an_operator_grants_xp_in_the_admin_and_it_is_audited(operator, partner):
    relationship = Relationship.objects.create(partner=partner)
    url = f"/admin/relationships/relationship/{relationship.pk}/grant-xp/"

    assert operator.get(url).status_code == 200
    response = operator.post(url, {"amount": 160, "reason": "apology for an outage"})

    assert response.status_code == 302
    event = XPEvent.objects.get()
    assert (event.source, event.amount, event.reason) == ("grant", 160, "admin ops: apology for an outage")
    assert operator.post(url, {"amount": 0, "reason": "x"}).status_code == 200  # form error, no grant
    assert XPEvent.objects.count() == 1


def test_the_engagement_page_shows_figures_without_message_text(operator, partner):
    import datetime

    from django.utils import timezone

    from relationships.models import Message

    start = timezone.now() - datetime.timedelta(hours=3)
    texts = ["secret one", "reply", "secret two", "reply", "secret three"]
    for n, text in enumerate(texts):  # one session of 3 user turns, then a new one
        message = Message.objects.create(partner=partner, role="user" if n % 2 == 0 else "partner", text=text)
        gap = datetime.timedelta(minutes=5 if n < 4 else 120)
        Message.objects.filter(pk=message.pk).update(created_at=start + gap * n)
    award(partner, 60, "k")

    page = operator.get("/admin/relationships/relationship/engagement/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "Conversation-turns per session" in html and "<strong>1.5</strong>" in html
    assert "1. Acquaintance" in html
    assert "secret" not in html
    assert operator.get("/admin/relationships/relationship/").status_code == 200


def test_the_ladder_is_editable_in_the_admin(operator):
    level = Level.objects.get(number=2)
    response = operator.post(
        f"/admin/relationships/level/{level.pk}/change/",
        {"number": 2, "name": "Good friend", "hearts": 1, "xp_required": 140},
    )
    assert response.status_code == 302
    assert Level.objects.get(number=2).xp_required == 140


def test_a_feature_removed_by_an_operator_is_no_longer_gated(partner):
    from relationships.models import Feature
    from relationships.progression.features import feature_lock
    from relationships.progression.selectors import relationship_of

    Feature.objects.filter(code="moments").delete()
    assert feature_lock(relationship=relationship_of(partner), code="moments") is None
