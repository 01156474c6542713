from django.db import models
from django.utils.translation import gettext_lazy as _


class Intake(models.Model):
    """Exactly what arrived on a channel, stored before it is acknowledged or processed."""

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        PROCESSED = "processed", _("Processed")
        QUARANTINED = "quarantined", _("Quarantined")

    channel = models.CharField(max_length=20)
    parser = models.CharField(max_length=40)
    inbox = models.ForeignKey(
        "desk.Inbox", on_delete=models.PROTECT, null=True, blank=True, related_name="intakes"
    )
    payload = models.BinaryField()
    # Normalised sender identity ("email:kari@example.no"), so erasure finds every item a
    # person sent, processed or not.
    sender = models.CharField(max_length=300, blank=True, db_index=True)
    contact = models.ForeignKey(
        "desk.Contact", on_delete=models.SET_NULL, null=True, blank=True, related_name="intakes"
    )
    message = models.ForeignKey(
        "desk.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="intakes"
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.RECEIVED)
    reason = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "received_at"], name="intake_state")]

    def __str__(self) -> str:
        return f"Intake {self.pk} ({self.channel}, {self.state})"


class IntakeKey(models.Model):
    """A dedupe key of an intake item; one item may have several (IMAP position, Message-ID)."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=500, unique=True)
