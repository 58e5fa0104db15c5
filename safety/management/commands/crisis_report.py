from django.core.management.base import BaseCommand
from django.db.models import Sum

from safety.models import CrisisReferralCount


class Command(BaseCommand):
    help = "Crisis referrals shown in a year, by country and category (aggregate; no user data exists)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, year, **options):
        rows = (
            CrisisReferralCount.objects.filter(day__year=year)
            .values("country", "category")
            .annotate(total=Sum("count"))
            .order_by("country", "category")
        )
        total = 0
        for row in rows:
            total += row["total"]
            self.stdout.write(f"{row['country']}\t{row['category']}\t{row['total']}")
        self.stdout.write(f"total\t\t{total}")
