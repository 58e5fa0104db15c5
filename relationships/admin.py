from django.contrib import admin

from relationships.models import Message, Partner


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
