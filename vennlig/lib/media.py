"""Which attachments may be shown in place: raster images only. SVG and HTML can carry
script, so they are only ever offered as downloads."""

INLINE_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
