from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vennlig.accounts.models import Team


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    WEBFORM = "webform", _("Web form")
    FACEBOOK = "facebook", _("Facebook")
    INSTAGRAM = "instagram", _("Instagram")
    INTERNAL = "internal", _("Internal")


class Status(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING = "waiting", _("Waiting on customer")
    SOLVED = "solved", _("Solved")
    CLOSED = "closed", _("Closed")


ACTIVE_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING)


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Inbox(models.Model):
    """One way in: an e-mail address, a web form, a social page. Belongs to a team."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("short name"), max_length=50, unique=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    address = models.CharField(_("address"), max_length=254, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="inboxes")
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("inbox")
        verbose_name_plural = _("inboxes")

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("preferred language"), max_length=5, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.name or self.primary_address or f"#{self.pk}"

    @property
    def primary_address(self) -> str:
        first = self.identities.order_by("id").first()
        return first.value if first else ""


class ContactIdentity(models.Model):
    """How a contact reaches us: an e-mail address, a phone number, a social handle or id."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("E-mail")
        PHONE = "phone", _("Phone")
        FACEBOOK = "facebook", _("Facebook")
        INSTAGRAM = "instagram", _("Instagram")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="identities")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = models.CharField(max_length=254)
    display = models.CharField(max_length=254, blank=True)
    # Set when mail to this address bounced; cleared when the contact writes again.
    bouncing_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="unique_contact_identity")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Conversation(models.Model):
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="new")
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    inbox = models.ForeignKey(Inbox, on_delete=models.PROTECT, related_name="conversations")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="conversations")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_conversations",
    )
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="conversations")
    tags = models.ManyToManyField(Tag, related_name="conversations", blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_from"
    )
    language = models.CharField(max_length=5, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    first_customer_message_at = models.DateTimeField(null=True, blank=True)
    # The inbox sorts on this; it is never null (it starts at the creation time).
    last_customer_message_at = models.DateTimeField()
    first_response_at = models.DateTimeField(null=True, blank=True)
    last_reply_at = models.DateTimeField(null=True, blank=True)
    message_count = models.PositiveIntegerField(default=0)
    # The analyser's verdict on the customer's latest message (see triage).
    emotion = models.CharField(max_length=12, blank=True)
    urgent = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["-last_customer_message_at", "-id"], name="conv_recent"),
            models.Index(
                fields=["status", "-last_customer_message_at", "-id"], name="conv_status_recent"
            ),
            models.Index(
                fields=["team", "status", "-last_customer_message_at", "-id"],
                name="conv_team_status_recent",
            ),
            models.Index(
                fields=["team", "-last_customer_message_at", "-id"], name="conv_team_recent"
            ),
            models.Index(
                fields=["assignee", "status", "-last_customer_message_at", "-id"],
                name="conv_assignee_status_recent",
            ),
            models.Index(
                fields=["contact", "-last_customer_message_at"], name="conv_contact_recent"
            ),
        ]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        return f"VEN-{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class Message(models.Model):
    class Direction(models.TextChoices):
        IN = "in", _("Incoming")
        OUT = "out", _("Outgoing")
        INTERNAL = "internal", _("Internal")

    class Kind(models.TextChoices):
        CUSTOMER = "customer", _("Customer message")
        REPLY = "reply", _("Reply")
        NOTE = "note", _("Internal note")
        SYSTEM = "system", _("System message")

    class Delivery(models.TextChoices):
        NONE = "", "-"
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not delivered")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    direction = models.CharField(max_length=10, choices=Direction.choices)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_messages",
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    subject = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)
    channel_meta = models.JSONField(default=dict, blank=True)
    source_key = models.CharField(max_length=255, unique=True, null=True, blank=True)
    # The channel's own id of the message (an e-mail Message-ID, a comment id), which later
    # messages name when they answer it. Not unique: senders reuse them.
    external_id = models.CharField(max_length=255, blank=True, db_index=True)
    delivery = models.CharField(
        max_length=10, choices=Delivery.choices, default=Delivery.NONE, blank=True
    )
    delivery_attempts = models.PositiveSmallIntegerField(default=0)
    # When a pending reply is next tried; null when nothing is due.
    retry_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The analyser's verdict (customer messages): emotion, urgency, evidence ...
    analysis = models.JSONField(default=dict, blank=True)
    # Set when the sender is not one of the conversation's known addresses.
    sender_unverified = models.BooleanField(default=False)
    sent_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["conversation", "sent_at", "id"], name="msg_timeline")]

    def __str__(self) -> str:
        return f"{self.kind} in {self.conversation_id}"


def attachment_path(instance, filename: str) -> str:
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=255, default="application/octet-stream")
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content_id = models.CharField(max_length=255, blank=True)
    file = models.FileField(upload_to=attachment_path, max_length=255)

    def __str__(self) -> str:
        return self.filename


class Event(models.Model):
    """One line of a conversation's timeline that is not a message."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Conversation started")
        ASSIGNED = "assigned", _("Assigned")
        STATUS = "status", _("Status changed")
        PRIORITY = "priority", _("Priority changed")
        TAGGED = "tagged", _("Tags changed")
        MERGED = "merged", _("Merged")
        MERGED_INTO = "merged_into", _("Merged into another conversation")
        CHANNEL = "channel", _("Channel event")
        REPLY_FAILED = "reply_failed", _("Reply not delivered")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["conversation", "created_at"], name="event_timeline")]


class StatusCount(models.Model):
    """Conversations per team and status, kept by the actions so no page counts the table."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="status_counts")
    status = models.CharField(max_length=10, choices=Status.choices)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "status"], name="unique_team_status_count")
        ]


class Presence(models.Model):
    """Who has a conversation open right now, and whether they are typing a reply."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="presences"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    typing = models.BooleanField(default=False)
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="unique_presence")
        ]


class ErasedTally(models.Model):
    """Anonymous counts kept when a customer's data is erased, so statistics stay whole."""

    day = models.DateField()
    channel = models.CharField(max_length=20)
    status = models.CharField(max_length=10)
    conversations = models.PositiveIntegerField(default=0)
    messages = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "channel", "status"], name="unique_erased_tally")
        ]
