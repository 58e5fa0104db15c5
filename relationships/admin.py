import uuid

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html

from relationships.models import Feature, Level, Message, Partner, Relationship, XPEvent
from relationships.progression.engagement import engagement_summary
from relationships.progression.services import xp_award


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "gender", "relationship_mode", "created_at")
    list_filter = ("gender", "relationship_mode", "created_at")
    search_fields = ("name", "owner__username", "owner__email")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    readonly_fields = ("created_at", "updated_at")


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """Conversation metadata for operators. The words themselves stay private:
    the text is not shown here (its length is), and messages are not editable."""

    list_display = ("id", "partner", "role", "length", "finish_reason", "tokens", "created_at")
    list_filter = ("role", "finish_reason", "created_at")
    search_fields = ("partner__name", "partner__owner__username")
    list_select_related = ("partner",)
    fields = ("partner", "role", "length", "client_id", "reply_to", "finish_reason",
              "prompt_tokens", "completion_tokens", "created_at")
    readonly_fields = fields
    date_hierarchy = "created_at"

    @admin.display(description="characters")
    def length(self, message):
        return len(message.text)

    @admin.display(description="tokens in/out")
    def tokens(self, message):
        return f"{message.prompt_tokens or '–'} / {message.completion_tokens or '–'}"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    """The ladder: editing thresholds re-levels every relationship (levels are derived)."""

    list_display = ("number", "name", "hearts", "xp_required")
    list_editable = ("name", "hearts", "xp_required")


@admin.register(Feature)
class FeatureAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "required_level")
    list_editable = ("required_level",)
    search_fields = ("code", "name")


class XPEventInline(admin.TabularInline):
    model = XPEvent
    fields = ("created_at", "source", "amount", "xp_after", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-created_at",)
    max_num = 0  # the ledger is append-only: nothing is added or changed here


class GrantXPForm(forms.Form):
    amount = forms.IntegerField(min_value=1, max_value=100_000)
    reason = forms.CharField(max_length=150, help_text="Why: it is kept in the ledger.")


@admin.register(Relationship)
class RelationshipAdmin(admin.ModelAdmin):
    list_display = ("partner", "owner", "xp", "streak_days", "xp_on_day", "updated_at")
    search_fields = ("partner__name", "partner__owner__username")
    list_select_related = ("partner__owner",)
    readonly_fields = (
        "partner", "xp", "grant", "streak_days", "last_active_on", "xp_day", "xp_on_day",
        "created_at", "updated_at",
    )
    inlines = [XPEventInline]

    @admin.display(description="user")
    def owner(self, relationship):
        return relationship.partner.owner

    @admin.display(description="grant XP")
    def grant(self, relationship):
        url = reverse("admin:relationships_relationship_grant", args=[relationship.pk])
        return format_html('<a href="{}">Grant XP…</a>', url)

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        extra = [
            path(
                "<int:relationship_id>/grant-xp/",
                self.admin_site.admin_view(self.grant_view),
                name="relationships_relationship_grant",
            ),
            path(
                "engagement/",
                self.admin_site.admin_view(self.engagement_view),
                name="relationships_engagement",
            ),
        ]
        return extra + super().get_urls()

    def grant_view(self, request, relationship_id: int):
        """An audited grant: through xp_award, with the operator's name in the ledger."""
        relationship = get_object_or_404(Relationship.objects.select_related("partner"), pk=relationship_id)
        if not self.has_view_permission(request, relationship) or not request.user.is_superuser:
            raise PermissionDenied
        form = GrantXPForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            award = xp_award(
                partner=relationship.partner,
                source=XPEvent.Source.GRANT,
                amount=form.cleaned_data["amount"],
                idempotency_key=f"grant:{uuid.uuid4()}",
                reason=f"admin {request.user.username}: {form.cleaned_data['reason']}"[:200],
            )
            self.message_user(
                request, f"Granted {award.amount} XP: now {award.xp} XP, level {award.level_after}."
            )
            return redirect("admin:relationships_relationship_change", relationship.pk)
        context = {**self.admin_site.each_context(request), "relationship": relationship, "form": form}
        return render(request, "admin/relationships/grant_xp.html", context)

    def engagement_view(self, request):
        context = {**self.admin_site.each_context(request), "summary": engagement_summary()}
        return render(request, "admin/relationships/engagement.html", context)
