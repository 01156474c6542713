from django.conf import settings
from django.db import models


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
