from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from vennlig.accounts.access import get_agent, visible_team_ids
from vennlig.desk.models import Conversation
from vennlig.search.queries import list_matching_conversation_ids


@login_required
def search(request):
    get_agent(request.user)
    q = request.GET.get("q", "")[:200].strip()
    results = []
    if q:
        ids = list_matching_conversation_ids(q, team_ids=visible_team_ids(request.user))
        found = (
            Conversation.objects.select_related("contact", "team", "assignee")
            .prefetch_related("tags")
            .in_bulk(ids)
        )
        results = [found[i] for i in ids if i in found]
    return render(request, "vennlig/search.html", {"q": q, "results": results})
