from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from vennlig.triage.actions import TEMPLATE_VARIABLES, TemplateError, check_template_text


class ReplyTemplateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=_("You can use {customer_first_name}, {agent_name} and {reference}."),
    )

    def clean(self):
        data = super().clean()
        body, language = data.get("body"), data.get("language")
        if body and language:
            import re

            unknown = set(re.findall(r"{(\w+)}", body)) - set(TEMPLATE_VARIABLES)
            if unknown:
                self.add_error(
                    "body", _("Unknown variable: %(names)s") % {"names": ", ".join(sorted(unknown))}
                )
            try:
                check_template_text(body, language)
            except TemplateError as exc:
                self.add_error("body", str(exc))
        return data


class DeskSettingsForm(forms.Form):
    min_kindness = forms.IntegerField(
        label=_("Lowest kindness score that sends without asking"),
        min_value=0,
        max_value=100,
        help_text=_("0 turns the extra confirmation off."),
    )
    show_agent_kindness_to_leads = forms.BooleanField(
        label=_("Leads may see each agent's kindness figures"),
        required=False,
        help_text=_(
            "Off by default: in Norway, per-person figures are a control measure that "
            "must be agreed with the employees first."
        ),
    )
