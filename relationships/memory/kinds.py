"""What a memory can be about: the one list, for the rules, the model's answer, the model's
prompt and the database."""

from django.db import models


class MemoryKind(models.TextChoices):
    PET = "pet"
    PERSON = "person"
    LIKE = "like"
    DISLIKE = "dislike"
    PLAN = "plan"
    DATE = "date"
    JOB = "job"
    PLACE = "place"
    OTHER = "other"


# Kinds a partner asks about afterwards ("how did the interview go?").
DATED_KINDS = frozenset({MemoryKind.PLAN, MemoryKind.DATE})
