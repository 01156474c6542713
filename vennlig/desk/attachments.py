"""Attachments of incoming messages: stored once per content, within the size limit."""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from vennlig.desk.models import Attachment, Message


def shorten_filename(name: str, limit: int = 255) -> str:
    """Fit a file name in `limit` characters, keeping its extension."""
    if len(name) <= limit:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 10:
        return name[:limit]
    return f"{stem[: limit - len(extension) - 1]}.{extension}"


def store_attachments(message: Message, attachments) -> None:
    """Keep each attachment once per content (by hash); note the ones over the size limit."""
    skipped = []
    for item in attachments:
        if len(item.content) > settings.VENNLIG_MAX_ATTACHMENT_BYTES:
            skipped.append({"filename": item.filename, "size": len(item.content)})
            continue
        digest = hashlib.sha256(item.content).hexdigest()
        path = f"attachments/{digest[:2]}/{digest}"
        if not default_storage.exists(path):
            default_storage.save(path, ContentFile(item.content))
        Attachment.objects.create(
            message=message,
            filename=shorten_filename(item.filename) or "attachment",
            content_type=item.content_type[:255] or "application/octet-stream",
            size=len(item.content),
            sha256=digest,
            content_id=item.content_id[:255],
            file=path,
        )
    if skipped:
        message.channel_meta = {**message.channel_meta, "attachments_too_large": skipped}
        message.save(update_fields=["channel_meta"])
