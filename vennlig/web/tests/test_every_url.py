"""Walk every URL pattern with junk ids and parameters: nothing may answer 500."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from vennlig.testing.factories import receive

JUNK_PARAMS = [
    "",
    "?q=%00",
    "?status=%27%22&team=-1&after=9_9_9&tag=" + "x" * 300,
    "?q=" + "ø" * 500,
    "?after=99999999999999999999_1",
]
JUNK_IDS = ["0", "999999999", "99999999999999999999"]


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith("admin/"):
                continue  # Django's own admin, tested by Django
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _urls(real_id):
    for pattern in _patterns():
        ids = JUNK_IDS + [str(real_id)] if "<int:pk>" in pattern else [""]
        for value in ids:
            yield "/" + pattern.replace("<int:pk>", value)


@pytest.mark.parametrize("who", ["anonymous", "ola", "nils", "kari"])
def test_no_url_answers_500(client, desk, who):
    c = receive(desk.support_mail).conversation
    client.raise_request_exception = True
    for url in _urls(c.pk):
        for params in JUNK_PARAMS:
            for method in (client.get, client.post):
                if who != "anonymous":
                    client.force_login(getattr(desk, who))  # /logout/ is on the walk too
                response = method(url + params, {"text": "\x00", "target": "x", "status": "?"})
                assert response.status_code < 500, (method.__name__, url + params)
