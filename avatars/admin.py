from django.contrib import admin

from avatars.models import Avatar, Selfie


@admin.register(Avatar)
class AvatarAdmin(admin.ModelAdmin):
    list_display = ("partner", "updated_at")
    list_select_related = ("partner",)
    raw_id_fields = ("partner",)
    readonly_fields = ("updated_at",)


@admin.register(Selfie)
class SelfieAdmin(admin.ModelAdmin):
    """Job state for support; the pictures (which hold the user's photo) are not shown."""

    list_display = ("id", "partner", "destination", "status", "failure_reason", "created_at", "finished_at")
    list_filter = ("status", "destination", "created_at")
    list_select_related = ("partner",)
    search_fields = ("partner__name", "partner__owner__username")
    fields = ("partner", "destination", "status", "failure_reason", "expression", "created_at", "finished_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
