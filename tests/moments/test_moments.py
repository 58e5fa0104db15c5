import pytest
from django.core.management import call_command

from moments.models import Moment, MomentComment
from relationships.models import Relationship, XPEvent
from relationships.progression.services import xp_award
from tests.conftest import assert_error
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def feed(partner) -> str:
    return f"/api/partners/{partner.pk}/moments/"


def unlock(partner):
    xp_award(partner=partner, source="grant", amount=150, idempotency_key=f"unlock:{partner.pk}")


@pytest.fixture
def open_partner(partner):
    unlock(partner)
    return partner


def test_a_new_relationship_finds_moments_locked_with_its_level(auth_api, partner):
    error = assert_error(auth_api.get(feed(partner)), 403, "feature_locked")
    assert (error["feature"], error["required_level"]) == ("moments", 2)


def test_a_grant_from_the_shell_opens_the_moments(auth_api, partner):
    assert auth_api.get(feed(partner)).status_code == 403
    call_command("grant_xp", partner=partner.pk, amount=150, reason="test")
    assert auth_api.get(feed(partner)).status_code == 200


def test_the_feed_is_newest_first_without_hidden_moments(auth_api, open_partner):
    old = Moment.objects.create(partner=open_partner, text="Sunrise at the beach")
    Moment.objects.create(partner=open_partner, text="moderated", hidden=True)
    new = Moment.objects.create(partner=open_partner, text="Baked bread today")
    for n in range(5):
        MomentComment.objects.create(moment=new, author_type="user", text=f"c{n}")

    items = auth_api.get(feed(open_partner)).json()["results"]

    assert [m["id"] for m in items] == [new.pk, old.pk]
    first = items[0]
    assert set(first) == {
        "id", "text", "image_url", "created_at", "like_count", "liked_by_me",
        "comment_count", "latest_comments",
    }
    assert (first["comment_count"], first["like_count"], first["liked_by_me"]) == (5, 0, False)
    assert [c["text"] for c in first["latest_comments"]] == ["c2", "c3", "c4"]  # newest last


@pytest.mark.parametrize("size", [10, 50])
def test_the_feed_costs_the_same_queries_for_any_page_size(
    auth_api, open_partner, user, size, django_assert_max_num_queries
):
    for n in range(size):
        moment = Moment.objects.create(partner=open_partner, text=f"m{n}")
        MomentComment.objects.create(moment=moment, author_type="user", text="nice")
    auth_api.post(f"/api/moments/{moment.pk}/like/")

    with django_assert_max_num_queries(6):
        page = auth_api.get(feed(open_partner), {"page_size": size}).json()

    assert len(page["results"]) == size
    assert page["results"][0]["liked_by_me"] is True


def test_likes_are_idempotent_and_earn_once(auth_api, open_partner):
    moment = Moment.objects.create(partner=open_partner, text="hi")
    url = f"/api/moments/{moment.pk}/like/"
    xp = Relationship.objects.get(partner=open_partner).xp

    assert auth_api.post(url).json() == {"liked": True, "like_count": 1}
    assert auth_api.post(url).json() == {"liked": True, "like_count": 1}
    assert auth_api.delete(url).json() == {"liked": False, "like_count": 0}
    assert auth_api.delete(url).json() == {"liked": False, "like_count": 0}
    assert auth_api.post(url).json() == {"liked": True, "like_count": 1}

    assert Relationship.objects.get(partner=open_partner).xp == xp + 2  # once
    assert XPEvent.objects.filter(source="moment_like").count() == 1


def test_comments_are_bounded_listed_newest_last_and_earn(auth_api, open_partner):
    moment = Moment.objects.create(partner=open_partner, text="hi")
    url = f"/api/moments/{moment.pk}/comments/"

    created = auth_api.post(url, {"text": "Beautiful!"}, format="json")
    auth_api.post(url, {"text": "Where was this?"}, format="json")
    error = assert_error(auth_api.post(url, {"text": "x" * 501}, format="json"), 400, "invalid")

    assert created.status_code == 201 and created.json()["author_type"] == "user"
    assert "text" in error["fields"]
    assert [c["text"] for c in auth_api.get(url).json()] == ["Beautiful!", "Where was this?"]
    assert XPEvent.objects.filter(source="moment_comment").count() == 2


def test_another_users_moments_are_404_everywhere(auth_api):
    stranger_partner = PartnerFactory(owner=UserFactory())
    unlock(stranger_partner)
    moment = Moment.objects.create(partner=stranger_partner, text="private")

    assert_error(auth_api.get(feed(stranger_partner)), 404, "not_found")
    for method, url, body in [
        ("post", f"/api/moments/{moment.pk}/like/", None),
        ("delete", f"/api/moments/{moment.pk}/like/", None),
        ("get", f"/api/moments/{moment.pk}/comments/", None),
        ("post", f"/api/moments/{moment.pk}/comments/", {"text": "x"}),
    ]:
        assert_error(getattr(auth_api, method)(url, body, format="json"), 404, "not_found")
    assert not MomentComment.objects.exists()


def test_a_locked_moment_cannot_be_liked(auth_api, partner):
    moment = Moment.objects.create(partner=partner, text="early")
    assert_error(auth_api.post(f"/api/moments/{moment.pk}/like/"), 403, "feature_locked")


def test_operators_hide_moments(client, open_partner):
    from tests.factories import UserFactory as Users

    client.force_login(Users(is_staff=True, is_superuser=True))
    moment = Moment.objects.create(partner=open_partner, text="oops")
    response = client.post(
        "/admin/moments/moment/", {"action": "hide", "_selected_action": [moment.pk]}
    )
    assert response.status_code == 302
    assert Moment.objects.get(pk=moment.pk).hidden
