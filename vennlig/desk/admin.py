"""The Django admin is for set-up (inboxes, tags) and for looking; conversations change only
through the desk's actions, so they are read-only here."""

from django.contrib import admin

from vennlig.desk.models import Contact, ContactIdentity, Conversation, Inbox, Tag


@admin.register(Inbox)
class InboxAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "channel", "address", "team", "is_active"]
    list_filter = ["channel", "team", "is_active"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class IdentityInline(admin.TabularInline):
    model = ContactIdentity
    extra = 0


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "language", "created_at"]
    search_fields = ["name", "identities__value"]
    inlines = [IdentityInline]


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ["reference", "subject", "status", "priority", "team", "assignee"]
    list_filter = ["status", "priority", "channel", "team"]
    search_fields = ["subject"]
    list_select_related = ["team", "assignee"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
