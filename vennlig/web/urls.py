from django.urls import path

from vennlig.web.views import auth, conversation, inbox, people, profile, search, settings

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("", inbox.inbox, name="inbox"),
    path("search/", search.search, name="search"),
    path("c/<int:pk>/", conversation.detail, name="conversation"),
    path("c/<int:pk>/reply/", conversation.reply, name="conversation-reply"),
    path("c/<int:pk>/note/", conversation.note, name="conversation-note"),
    path("c/<int:pk>/triage/", conversation.triage, name="conversation-triage"),
    path("c/<int:pk>/merge/", conversation.merge, name="conversation-merge"),
    path("c/<int:pk>/presence/", conversation.presence, name="conversation-presence"),
    path("c/<int:pk>/retry/<int:message_id>/", conversation.retry, name="conversation-retry"),
    path("c/<int:pk>/tone/", conversation.tone, name="conversation-tone"),
    path(
        "c/<int:pk>/messages/<int:message_id>/correct/",
        conversation.correct,
        name="message-correct",
    ),
    path("attachments/<int:pk>/", conversation.attachment, name="attachment"),
    path("attachments/<int:pk>/inline/", conversation.inline_image, name="attachment-inline"),
    path("settings/inboxes/", settings.inboxes, name="settings-inboxes"),
    path("settings/inboxes/<int:pk>/mail/", settings.inbox_mail, name="settings-mail"),
    path("settings/templates/", settings.templates, name="settings-templates"),
    path("settings/templates/new/", settings.template_edit, name="template-new"),
    path("settings/templates/<int:pk>/", settings.template_edit, name="template-edit"),
    path("settings/desk/", settings.desk_settings, name="settings-desk"),
    path("quarantine/", settings.quarantine, name="quarantine"),
    path("quarantine/<int:pk>/raw/", settings.quarantine_raw, name="quarantine-raw"),
    path("quarantine/<int:pk>/retry/", settings.quarantine_retry, name="quarantine-retry"),
    path("profile/", profile.profile, name="profile"),
    path("people/", people.people, name="people"),
    path("people/agents/new/", people.agent_new, name="agent-new"),
    path("people/agents/<int:pk>/", people.agent_edit, name="agent-edit"),
    path("people/teams/new/", people.team_new, name="team-new"),
]
