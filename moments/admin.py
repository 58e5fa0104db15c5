from django.contrib import admin

from moments.models import Moment, MomentComment, MomentLike
from moments.tasks import moment_generate_task
from relationships.admin import PartnerAdmin
from relationships.models import Partner

# Moments extends the partner admin of relationships (which knows nothing of Moments).
admin.site.unregister(Partner)


@admin.register(Partner)
class PartnerWithMomentsAdmin(PartnerAdmin):
    actions = [*(PartnerAdmin.actions or ()), "generate_moment_now"]

    @admin.action(description="Generate a Moment now (through the worker)")
    def generate_moment_now(self, request, queryset):
        for partner in queryset:
            moment_generate_task.delay(partner.pk, anytime=True)
        self.message_user(request, f"Asked for a Moment from {queryset.count()} partners.")


class MomentCommentInline(admin.TabularInline):
    model = MomentComment
    fields = ("created_at", "author_type", "text")
    readonly_fields = ("created_at",)
    extra = 0


@admin.register(Moment)
class MomentAdmin(admin.ModelAdmin):
    list_display = ("id", "partner", "short_text", "hidden", "created_at")
    list_filter = ("hidden", "created_at")
    search_fields = ("text", "partner__name", "partner__owner__username")
    list_select_related = ("partner",)
    raw_id_fields = ("partner", "selfie")
    readonly_fields = ("slot_key", "created_at")
    inlines = [MomentCommentInline]
    actions = ["hide", "unhide"]

    @admin.display(description="text")
    def short_text(self, moment):
        return moment.text[:60]

    @admin.action(description="Hide the selected moments")
    def hide(self, request, queryset):
        self.message_user(request, f"Hid {queryset.update(hidden=True)} moments.")

    @admin.action(description="Show the selected moments again")
    def unhide(self, request, queryset):
        self.message_user(request, f"Showed {queryset.update(hidden=False)} moments.")


@admin.register(MomentLike)
class MomentLikeAdmin(admin.ModelAdmin):
    list_display = ("moment", "user", "created_at")
    raw_id_fields = ("moment", "user")
