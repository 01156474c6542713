from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from vennlig.accounts.throttle import (
    clear_login_failures,
    is_login_blocked,
    record_login_failure,
)


class LoginView(auth_views.LoginView):
    template_name = "vennlig/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")[:150]
        address = request.META.get("REMOTE_ADDR")
        if is_login_blocked(username=username, address=address):
            form = self.get_form()
            form.errors.clear()
            minutes = settings.VENNLIG_LOGIN_WINDOW_MINUTES
            form.add_error(
                None,
                ngettext(
                    "Too many failed attempts. For your safety, please wait %(minutes)s "
                    "minute and try again, or ask your team lead to help you.",
                    "Too many failed attempts. For your safety, please wait %(minutes)s "
                    "minutes and try again, or ask your team lead to help you.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        clear_login_failures(username=form.get_user().get_username())
        return super().form_valid(form)

    def form_invalid(self, form):
        record_login_failure(
            username=self.request.POST.get("username", ""),
            address=self.request.META.get("REMOTE_ADDR"),
        )
        return super().form_invalid(form)


@require_POST
def logout_view(request):
    logout(request)
    return redirect("login")
