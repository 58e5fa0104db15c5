from django.core.management.base import BaseCommand, CommandError

from moments.selectors import partners_due_a_moment
from moments.services import moment_generate
from project.llm import LLMError
from relationships.models import Partner


class Command(BaseCommand):
    help = "Write Moments now, as the beat task does: for one partner, or for every partner due one."

    def add_arguments(self, parser):
        parser.add_argument("--partner", type=int, help="only this partner (moments unlocked or not)")

    def handle(self, *args, partner=None, **options):
        if partner is not None:
            partners = Partner.objects.select_related("owner").filter(pk=partner)
            if not partners:
                raise CommandError(f"no partner {partner}")
        else:
            partners = partners_due_a_moment()
        for target in partners:
            try:
                # One partner named by an operator: now, even in the user's night.
                moment = moment_generate(partner=target, anytime=partner is not None)
            except LLMError as exc:
                self.stderr.write(f"partner {target.pk}: {exc.code}, nothing published")
                continue
            note = f"moment {moment.pk}" if moment else "nothing new (this slot is done or the day's posts are)"
            self.stdout.write(f"partner {target.pk}: {note}")
