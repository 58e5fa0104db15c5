from django.core.management.base import BaseCommand
from django.db.models import Sum

from safety.models import CrisisReferralCount


class Command(BaseCommand):
    help = (
        "Crisis referrals shown in a year, for the annual report companion-chatbot laws ask for "
        "(California SB 243 from 2027-07-01): by category, then by country and category. "
        "Aggregate: no user data exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, year, **options):
        rows = CrisisReferralCount.objects.filter(day__year=year)
        by_category = rows.values("category").annotate(total=Sum("count")).order_by("category")
        self.stdout.write("by category")
        for row in by_category:
            self.stdout.write(f"{row['category']}\t{row['total']}")
        self.stdout.write("by country and category")
        total = 0
        for row in rows.values("country", "category").annotate(total=Sum("count")).order_by("country", "category"):
            total += row["total"]
            self.stdout.write(f"{row['country']}\t{row['category']}\t{row['total']}")
        self.stdout.write(f"total\t\t{total}")
