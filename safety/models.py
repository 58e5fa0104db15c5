from django.db import models


class CrisisReferralCount(models.Model):
    """How many crisis referrals were shown, per day, country, language and category.

    Aggregate only, for the yearly report companion-chatbot laws ask for: no user,
    no message, no time finer than the day.
    """

    day = models.DateField()
    country = models.CharField(max_length=8)
    language = models.CharField(max_length=8)
    category = models.CharField(max_length=16)  # "suicide", "self_harm", or "model_output"
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("-day", "country", "category")
        constraints = [
            models.UniqueConstraint(fields=["day", "country", "language", "category"], name="safety_referral_count_once")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.country} {self.category}: {self.count}"
