import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from relationships.models import Partner
from tests.conftest import assert_error
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/partners/"


def detail(partner_id) -> str:
    return f"/api/partners/{partner_id}/"


VALID = {
    "name": "Mira",
    "gender": "female",
    "personality": ["warm", "playful"],
    "speaking_style": "casual",
    "interests": ["stars", "baking"],
    "backstory": "Grew up by the sea.",
    "relationship_mode": "friend",
    "greeting": "Hi there!",
}


class TestCreate:
    def test_creates_a_partner_owned_by_the_caller(self, auth_api, user):
        response = auth_api.post(LIST, VALID, format="json")

        assert response.status_code == 201, response.content
        body = response.json()
        assert {k: body[k] for k in VALID} == VALID
        assert Partner.objects.get(pk=body["id"]).owner == user

    def test_optional_fields_have_defaults(self, auth_api):
        response = auth_api.post(LIST, {"name": "Kai", "gender": "nonbinary"}, format="json")

        assert response.status_code == 201, response.content
        body = response.json()
        assert body["relationship_mode"] == "friend"
        assert body["personality"] == [] and body["interests"] == []

    @pytest.mark.parametrize(
        "change,field",
        [
            ({"name": ""}, "name"),
            ({"name": "x" * 41}, "name"),
            ({"gender": "robot"}, "gender"),
            ({"personality": "warm"}, "personality"),
            ({"personality": [f"t{i}" for i in range(9)]}, "personality"),
            ({"personality": ["x" * 31]}, "personality.0"),
            ({"interests": ["ok", ""]}, "interests.1"),
            ({"interests": [f"i{i}" for i in range(13)]}, "interests"),
            ({"backstory": "x" * 2001}, "backstory"),
            ({"relationship_mode": "owner"}, "relationship_mode"),
            ({"greeting": "x" * 301}, "greeting"),
            ({"owner": 1}, "owner"),
            ({"personality": [1, 2]}, "personality.0"),
            ({"interests": [None]}, "interests.0"),
            ({"name": None}, "name"),
        ],
    )
    def test_each_field_is_validated_with_a_message(self, auth_api, change, field):
        response = auth_api.post(LIST, {**VALID, **change}, format="json")

        error = assert_error(response, 400, "invalid")
        assert field in error["fields"], error
        assert all(isinstance(m, str) and m for m in error["fields"][field])
        assert not Partner.objects.exists()

    def test_a_json_array_body_is_a_400(self, auth_api):
        assert_error(auth_api.post(LIST, [VALID], format="json"), 400, "invalid")

    def test_a_trait_listed_twice_is_well_formed_but_refused(self, auth_api):
        response = auth_api.post(LIST, {**VALID, "personality": ["warm", "Warm"]}, format="json")

        assert "personality" in assert_error(response, 422, "unprocessable")["fields"]
        assert not Partner.objects.exists()

    @override_settings(HEARTH_MAX_PARTNERS_PER_USER=2)
    def test_a_user_holds_a_bounded_number_of_partners(self, auth_api, user):
        PartnerFactory.create_batch(2, owner=user)

        assert_error(auth_api.post(LIST, VALID, format="json"), 409, "partner_limit")
        assert Partner.objects.filter(owner=user).count() == 2

    def test_minors_cannot_choose_a_romantic_partner(self, auth_api, user):
        user.birth_date = timezone.localdate() - datetime.timedelta(days=365 * 15)
        user.save()

        error = assert_error(
            auth_api.post(LIST, {**VALID, "relationship_mode": "romantic"}, format="json"),
            422,
            "unprocessable",
        )
        assert "relationship_mode" in error["fields"]

    def test_adults_can(self, auth_api):
        response = auth_api.post(LIST, {**VALID, "relationship_mode": "romantic"}, format="json")
        assert response.status_code == 201


class TestList:
    def test_lists_only_the_callers_partners_newest_first(self, auth_api, user, others_partner):
        older = PartnerFactory(owner=user)
        newer = PartnerFactory(owner=user)

        body = auth_api.get(LIST).json()

        assert [p["id"] for p in body["results"]] == [newer.pk, older.pk]

    def test_is_cursor_paginated_with_a_fixed_number_of_queries(
        self, auth_api, user, django_assert_max_num_queries
    ):
        PartnerFactory.create_batch(5, owner=user)

        with django_assert_max_num_queries(2):
            first = auth_api.get(LIST, {"page_size": 2}).json()
        second = auth_api.get(first["next"]).json()
        third = auth_api.get(second["next"]).json()

        ids = [p["id"] for page in (first, second, third) for p in page["results"]]
        assert len(ids) == len(set(ids)) == 5
        assert third["next"] is None
        assert first["previous"] is None

    def test_needs_a_token(self, api):
        assert_error(api.get(LIST), 401, "not_authenticated")

    @pytest.mark.parametrize(
        "position",
        ["garbage", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00", "2026-01-01T00:00:00"],
    )
    def test_a_forged_cursor_is_a_404_in_the_error_shape(self, auth_api, position):
        from base64 import b64encode
        from urllib.parse import urlencode

        forged = b64encode(urlencode({"p": position}).encode()).decode()
        assert_error(auth_api.get(LIST, {"cursor": forged}), 404, "not_found")

    def test_a_cursor_that_is_not_base64_is_a_404(self, auth_api):
        assert_error(auth_api.get(LIST, {"cursor": "garbage!"}), 404, "not_found")


class TestDetail:
    def test_get_patch_delete_own_partner(self, auth_api, partner):
        assert auth_api.get(detail(partner.pk)).json()["name"] == partner.name

        response = auth_api.patch(detail(partner.pk), {"interests": ["chess"]}, format="json")
        assert response.status_code == 200
        partner.refresh_from_db()
        assert partner.interests == ["chess"]
        assert partner.personality == ["warm", "curious"]  # untouched by a partial update

        assert auth_api.delete(detail(partner.pk)).status_code == 204
        assert not Partner.objects.filter(pk=partner.pk).exists()

    def test_patch_validates(self, auth_api, partner):
        error = assert_error(
            auth_api.patch(detail(partner.pk), {"gender": "x"}, format="json"), 400, "invalid"
        )
        assert "gender" in error["fields"]

    def test_another_users_partner_is_404_for_every_verb(self, auth_api, others_partner):
        before = Partner.objects.values().get(pk=others_partner.pk)

        assert_error(auth_api.get(detail(others_partner.pk)), 404, "not_found")
        assert_error(
            auth_api.patch(detail(others_partner.pk), {"name": "Mine"}, format="json"),
            404,
            "not_found",
        )
        assert_error(auth_api.delete(detail(others_partner.pk)), 404, "not_found")

        assert Partner.objects.values().get(pk=others_partner.pk) == before

    def test_another_users_id_looks_exactly_like_a_missing_one(self, auth_api, others_partner):
        missing = auth_api.get(detail(others_partner.pk + 1000)).json()
        foreign = auth_api.get(detail(others_partner.pk)).json()
        assert missing == foreign

    def test_deleting_a_user_deletes_their_partners(self, partner, user):
        user.delete()
        assert not Partner.objects.filter(pk=partner.pk).exists()


def test_admin_lists_partners(client, partner):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    response = client.get("/admin/relationships/partner/", {"q": partner.name})

    assert response.status_code == 200
    assert partner.name in response.content.decode()


def test_admin_lists_messages_without_their_words(client, partner):
    from relationships.models import Message

    Message.objects.create(partner=partner, role="user", text="very private words", client_id="a")
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    listing = client.get("/admin/relationships/message/")
    detail = client.get(f"/admin/relationships/message/{Message.objects.get().pk}/change/")

    assert listing.status_code == detail.status_code == 200
    for page in (listing, detail):
        assert "very private words" not in page.content.decode()
    assert "18" in listing.content.decode()  # its length


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["user", "partner", "proactive"])
def test_a_message_payload_is_what_the_api_shows(partner, kind):
    from relationships.chat.services import message_payload
    from relationships.models import Message
    from relationships.serializers import MessageSerializer

    first = Message.objects.create(partner=partner, role="user", text="hi", client_id="c1", mood="joy", valence=0.5)
    message = {
        "user": first,
        "partner": Message.objects.create(partner=partner, role="partner", text="hey", reply_to=first, finish_reason="stop"),
        "proactive": Message.objects.create(partner=partner, role="partner", text="Morning!", proactive_kind="morning"),
    }[kind]
    assert message_payload(message) == dict(MessageSerializer(message).data)
