from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from vennlig.accounts.access import get_agent, visible_teams
from vennlig.desk.models import Channel
from vennlig.desk.queries import InboxFilters, get_status_counts, list_inbox
from vennlig.web.forms import InboxFilterForm


@login_required
def inbox(request):
    get_agent(request.user)
    teams = list(visible_teams(request.user))
    form = InboxFilterForm(request.GET, teams=teams)
    data = form.cleaned_data if form.is_valid() else {}
    filters = InboxFilters(
        status=data.get("status") or "active",
        team=data.get("team"),
        assignee=data.get("assignee") or "",
        channel=data.get("channel") or "",
        tag=data.get("tag") or "",
    )
    page = list_inbox(
        request.user,
        filters,
        cursor=data.get("after") or "",
        page_size=settings.VENNLIG_INBOX_PAGE_SIZE,
    )
    query = request.GET.copy()
    query.pop("after", None)
    return render(
        request,
        "vennlig/inbox.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "counts": get_status_counts(request.user, team=filters.team),
            "teams": teams,
            "channels": Channel.choices,
            "base_query": query.urlencode(),
            "is_first_page": not data.get("after"),
        },
    )
