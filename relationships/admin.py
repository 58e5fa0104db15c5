from django.contrib import admin

from relationships.models import Partner


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "gender", "relationship_mode", "created_at")
    list_filter = ("gender", "relationship_mode", "created_at")
    search_fields = ("name", "owner__username", "owner__email")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    readonly_fields = ("created_at", "updated_at")
