"""Forms of the agent UI. Every message here is shown next to the field it is about."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from vennlig.accounts.models import Role, Team
from vennlig.desk.models import Channel, Priority, Status


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False,
        choices=[("active", _("Active")), *Status.choices, ("all", _("All"))],
    )
    team = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    assignee = forms.ChoiceField(
        required=False,
        choices=[("", _("Anyone")), ("mine", _("Mine")), ("unassigned", _("Unassigned"))],
    )
    channel = forms.ChoiceField(required=False, choices=[("", _("All channels")), *Channel.choices])
    tag = forms.CharField(required=False, max_length=50)
    after = forms.RegexField(required=False, regex=r"^\d{1,20}_\d{1,20}$")

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", _("All teams"))] + [(t.pk, t.name) for t in teams]


STATUS_AFTER_REPLY = [
    (Status.WAITING, _("Send, and wait for the customer")),
    (Status.OPEN, _("Send, and keep it open")),
    (Status.SOLVED, _("Send, and mark as solved")),
]


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply to the customer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        error_messages={"required": _("Please write a reply before sending.")},
    )
    status_after = forms.ChoiceField(
        label=_("After sending"), choices=STATUS_AFTER_REPLY, initial=Status.WAITING
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20000,
        error_messages={"required": _("Please write a note before saving it.")},
    )


class TriageForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    assignee = forms.TypedChoiceField(
        label=_("Assigned to"), required=False, coerce=int, empty_value=None
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas."),
    )

    def __init__(self, *args, agents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("Nobody"))] + [
            (u.pk, u.get_full_name() or u.get_username()) for u in agents
        ]


class MergeForm(forms.Form):
    target = forms.TypedChoiceField(label=_("Merge into"), coerce=int)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [
            (c.pk, f"{c.reference} · {c.subject or _('(no subject)')}") for c in targets
        ]
        self.fields["target"].error_messages["invalid_choice"] = _(
            "Choose one of this customer's other conversations."
        )


class ProfileForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class AgentForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.AGENT)
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="nb")
    is_active = forms.BooleanField(label=_("Can log in"), required=False, initial=True)


class NewAgentForm(AgentForm):
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use only letters, digits and . @ + - _ in a username.")},
    )
    password = forms.CharField(
        label=_("Temporary password"),
        min_length=10,
        widget=forms.PasswordInput,
        help_text=_("At least 10 characters. The agent can change it later."),
    )

    field_order = ["username", "password"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Somebody already has this username."))
        return username


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if Team.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("There is already a team with this name."))
        return name
