import re

from django import forms
from django.utils.translation import gettext_lazy as _

from vennlig.triage.actions import TEMPLATE_VARIABLES, TemplateError, check_template_text
from vennlig.triage.models import DeskSettings, ReplyTemplate


class ReplyTemplateForm(forms.ModelForm):
    class Meta:
        model = ReplyTemplate
        fields = ["name", "language", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "body": _("You can use {customer_first_name}, {agent_name} and {reference}."),
        }

    def clean(self):
        data = super().clean()
        body, language = data.get("body"), data.get("language")
        if body and language:
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


class DeskSettingsForm(forms.ModelForm):
    class Meta:
        model = DeskSettings
        fields = ["min_kindness", "show_agent_kindness_to_leads"]

    def clean_min_kindness(self):
        value = self.cleaned_data["min_kindness"]
        if value > 100:
            raise forms.ValidationError(_("Choose a score from 0 to 100."))
        return value
