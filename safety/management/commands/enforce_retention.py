from django.conf import settings
from django.core.management.base import BaseCommand

from safety.data_rights import retention_enforce


class Command(BaseCommand):
    help = "Erase message text older than CHAT_RETENTION_DAYS (or --days); moods, counts and memories stay."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override CHAT_RETENTION_DAYS")

    def handle(self, *args, days, **options):
        days = settings.CHAT_RETENTION_DAYS if days is None else days
        if days < 0:
            self.stderr.write("--days must be 0 or more")
            return
        done = retention_enforce(days=days)
        self.stdout.write(f"erased the text of {done['messages']} messages and {done['summaries']} summaries older than {days} days")
