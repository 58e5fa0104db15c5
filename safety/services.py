import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from safety.referral import crisis_instruction, crisis_line_phrase, emergency_number, referral
from safety.models import CrisisReferralCount


def user_country(user) -> str:
    return user.country or settings.CRISIS_DEFAULT_COUNTRY


def crisis_referral_frame(*, user, language: str, category: str = "suicide") -> dict:
    """The fixed, localized `crisis_referral` frame: never written by the LLM. Its resources
    are the user's country's (eating-disorder lines first for that category)."""
    return {
        "type": "crisis_referral",
        "category": category,
        **referral(
            country=user_country(user),
            language=language,
            default_country=settings.CRISIS_DEFAULT_COUNTRY,
            category=category,
        ),
    }


def crisis_instruction_for(*, user, category: str = "suicide") -> str:
    """The partner's safety instruction after a crisis message, naming the user's own line
    (from the same table as the referral)."""
    return crisis_instruction(
        line=crisis_line_phrase(
            country=user_country(user), default_country=settings.CRISIS_DEFAULT_COUNTRY, category=category
        ),
        emergency=emergency_number(country=user_country(user), default_country=settings.CRISIS_DEFAULT_COUNTRY),
        category=category,
    )


def crisis_referral_count(*, country: str, language: str, category: str, day: datetime.date | None = None) -> None:
    """Add one referral to the day's aggregate: nothing that says who."""
    day = day or timezone.now().date()
    keys = dict(day=day, country=country[:8], language=language[:8], category=category[:16])
    updated = CrisisReferralCount.objects.filter(**keys).update(count=F("count") + 1)
    if updated:
        return
    try:
        with transaction.atomic():
            CrisisReferralCount.objects.create(**keys, count=1)
    except IntegrityError:  # created meanwhile by another referral
        CrisisReferralCount.objects.filter(**keys).update(count=F("count") + 1)

