"""The nb and nn catalogs are complete, and the committed .mo files match the .po files
(so a fresh machine needs no gettext)."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_message_is_translated(lang):
    po = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == []
    assert len(po) > 150


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_compiled_catalog_matches_the_source(lang):
    folder = LOCALE / lang / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    mo = polib.mofile(str(folder / "django.mo"))
    wanted = {(e.msgid, e.msgstr) for e in po if e.translated() and not e.msgid_plural}
    compiled = {(e.msgid, e.msgstr) for e in mo if not e.msgid_plural}
    assert wanted <= compiled


def test_statuses_read_naturally_in_each_language():
    from vennlig.desk.models import Status

    expected = {"nb": "Venter på kunden", "nn": "Ventar på kunden", "en": "Waiting on customer"}
    for lang, label in expected.items():
        with translation.override(lang):
            assert str(Status.WAITING.label) == label
