import datetime

import factory

from accounts.models import User
from relationships.models import Partner

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    birth_date = datetime.date(1994, 5, 17)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")
    gender = Partner.Gender.FEMALE
    personality = factory.LazyFunction(lambda: ["warm", "curious"])
    speaking_style = "gentle"
    interests = factory.LazyFunction(lambda: ["music", "hiking"])
    backstory = "Grew up by the sea."
    relationship_mode = Partner.RelationshipMode.FRIEND
    greeting = "Hello!"
