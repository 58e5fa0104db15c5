from django.contrib import admin

from relationships.models import Feature, Level, Message, Partner, Relationship, XPEvent


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


@admin.register(Relationship)
class RelationshipAdmin(admin.ModelAdmin):
    list_display = ("partner", "owner", "xp", "xp_on_day", "updated_at")
    search_fields = ("partner__name", "partner__owner__username")
    list_select_related = ("partner__owner",)
    readonly_fields = ("partner", "xp", "xp_day", "xp_on_day", "created_at", "updated_at")
    inlines = [XPEventInline]

    @admin.display(description="user")
    def owner(self, relationship):
        return relationship.partner.owner

    def has_add_permission(self, request):
        return False
