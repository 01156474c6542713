from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Correction(models.Model):
    """An agent's correction of the analyser's verdict on a customer message: training data
    for `vennlig train-analyzer` in this installation."""

    message = models.ForeignKey(
        "desk.Message", on_delete=models.CASCADE, related_name="corrections"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    language = models.CharField(max_length=5)
    emotion = models.CharField(max_length=12)
    polarity = models.CharField(max_length=10)
    urgent = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Correction of message {self.message_id}: {self.emotion}"


class ReplyTemplate(models.Model):
    """A kind reply an agent can start from. Variables: {customer_first_name}, {agent_name},
    {reference}."""

    name = models.CharField(_("name"), max_length=100)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["language", "name"]

    def __str__(self) -> str:
        return self.name


class DeskSettings(models.Model):
    """Settings a lead makes for the whole desk (one row)."""

    min_kindness = models.PositiveSmallIntegerField(
        _("Lowest kindness score that sends without asking"),
        default=0,
        help_text=_("0 turns the extra confirmation off."),
    )
    show_agent_kindness_to_leads = models.BooleanField(
        _("Leads may see each agent's kindness figures"),
        default=False,
        help_text=_(
            "Off by default: in Norway, per-person figures are a control measure that "
            "must be agreed with the employees first."
        ),
    )

    def __str__(self) -> str:
        return "Desk settings"

    @classmethod
    def current(cls) -> "DeskSettings":
        return cls.objects.order_by("pk").first() or cls()
