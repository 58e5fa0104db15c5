"""Send a partner's first message now, from a shell: the same service as the beat task."""

from django.core.management.base import BaseCommand, CommandError

from relationships.models import Partner
from relationships.proactive.services import proactive_send


class Command(BaseCommand):
    help = (
        "Let a partner write first if a message is due; with --force, now, whatever the schedule, "
        "quiet hours or daily limit. A user who turned proactive messages off gets none either way."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partner", type=int, required=True, help="partner id")
        parser.add_argument("--force", action="store_true", help="send now, skipping schedule and limits")

    def handle(self, *args, partner: int, force: bool, **options):
        target = Partner.objects.select_related("owner").filter(pk=partner).first()
        if target is None:
            raise CommandError(f"no partner {partner}")
        message = proactive_send(partner=target, force=force)
        if message is None:
            reason = "proactive messages are off for this user" if not target.owner.proactive_messages else "nothing is due"
            self.stdout.write(f"nothing sent: {reason}")
            return
        self.stdout.write(f"sent {message.proactive_kind} message {message.pk}")
