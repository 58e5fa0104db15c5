"""A realistic user for the contract run: a partner at the top of the ladder, with data.

schemathesis explores the API as this user, so every feature is unlocked and every list has
something in it (a message, a memory, a Moment with a like and a comment). Written through the
ORM and the services, as the product writes them, into the database the live server reads.
"""

import datetime
import uuid

from accounts.models import User
from moments.models import Moment, MomentComment, MomentLike
from relationships.models import Memory, Message, Partner, XPEvent
from relationships.partners.services import partner_create
from relationships.progression.services import xp_award

PASSWORD = "contract-horse-battery-staple"


def contract_user_create(*, username: str | None = None) -> tuple[User, Partner]:
    user = User(
        username=username or f"contract-{uuid.uuid4().hex[:10]}",
        email=f"{uuid.uuid4().hex[:12]}@example.com",
        birth_date=datetime.date(1990, 3, 14),
    )
    user.set_password(PASSWORD)
    user.save()
    partner = partner_create(
        owner=user,
        name="Mira",
        gender=Partner.Gender.FEMALE,
        personality=["warm", "curious"],
        interests=["music", "hiking"],
        greeting="Hello!",
    )
    xp_award(
        partner=partner,
        source=XPEvent.Source.GRANT,
        amount=100_000,
        idempotency_key=f"contract:{partner.pk}",
        reason="contract run: every feature unlocked",
    )
    said = Message.objects.create(partner=partner, role=Message.Role.USER, text="I love hiking.", mood="joy")
    Message.objects.create(partner=partner, role=Message.Role.PARTNER, text="Me too!", reply_to=said)
    Memory.objects.create(
        partner=partner,
        kind=Memory.Kind.choices[0][0],
        text="Likes hiking.",
        key="likes hiking",
        source_message=said,
        origin=Memory.Origin.choices[0][0],
    )
    moment = Moment.objects.create(partner=partner, text="A walk by the sea today.")
    MomentLike.objects.create(moment=moment, user=user)
    MomentComment.objects.create(moment=moment, author_type=MomentComment.Author.choices[0][0], text="Lovely!")
    return user, partner
