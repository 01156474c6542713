from django.utils import translation


class AgentLanguageMiddleware:
    """After login, the agent's chosen language wins over the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        agent = getattr(user, "agent", None) if user is not None and user.is_authenticated else None
        if agent is not None:
            translation.activate(agent.language)
            request.LANGUAGE_CODE = agent.language
        response = self.get_response(request)
        if agent is not None:
            response.headers.setdefault("Content-Language", agent.language)
        return response
