from django.contrib import admin

from safety.models import CrisisReferralCount


@admin.register(CrisisReferralCount)
class CrisisReferralCountAdmin(admin.ModelAdmin):
    """Aggregate counts for reporting; read-only."""

    list_display = ("day", "country", "language", "category", "count")
    list_filter = ("category", "country", "day")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
