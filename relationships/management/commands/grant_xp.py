"""Grant XP to a relationship from a shell: the same service as every other award."""

import uuid

from django.core.management.base import BaseCommand, CommandError

from relationships.models import Partner, XPEvent
from relationships.progression.services import xp_award


class Command(BaseCommand):
    help = "Grant XP to the relationship with a partner. The grant and its reason go in the ledger."

    def add_arguments(self, parser):
        parser.add_argument("--partner", type=int, required=True, help="partner id")
        parser.add_argument("--amount", type=int, required=True, help="XP to add (1 to 100000)")
        parser.add_argument("--reason", required=True, help="why, for the ledger")

    def handle(self, *args, partner: int, amount: int, reason: str, **options):
        if not 1 <= amount <= 100_000:
            raise CommandError("--amount must be between 1 and 100000")
        if not reason.strip():
            raise CommandError("--reason must say why")
        target = Partner.objects.filter(pk=partner).first()
        if target is None:
            raise CommandError(f"no partner {partner}")
        award = xp_award(
            partner=target,
            source=XPEvent.Source.GRANT,
            amount=amount,
            idempotency_key=f"grant:{uuid.uuid4()}",
            reason=f"shell: {reason.strip()}"[:200],
        )
        self.stdout.write(
            f"+{award.amount} XP: now {award.xp} XP, level {award.level_before} -> {award.level_after}"
        )
