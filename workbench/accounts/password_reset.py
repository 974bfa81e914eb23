"""Password reset by e-mail: Django's one-time token views, offered only when e-mail is set up
(WORKBENCH_PASSWORD_RESET) and rate-limited per client address and per e-mail address."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from workbench.accounts.client_ip import client_address
from workbench.accounts.services import rate_limit_hit

WINDOW = timedelta(hours=1)


class ResetEnabledMixin:
    @login_not_required
    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not settings.WORKBENCH_PASSWORD_RESET:
            raise Http404(_("Password reset is not available: e-mail is not set up."))
        return super().dispatch(request, *args, **kwargs)


class PasswordResetView(ResetEnabledMixin, auth_views.PasswordResetView):
    def form_valid(self, form: object) -> HttpResponse:
        address = client_address(self.request) or "unknown"
        if not rate_limit_hit(
            scope="password-reset-address",
            key=address,
            limit=settings.WORKBENCH_RESET_LIMIT_PER_ADDRESS,
            window=WINDOW,
        ):
            form.add_error(None, _("Too many reset requests from your address: try again later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        email = form.cleaned_data["email"].strip().lower()
        if not rate_limit_hit(
            scope="password-reset-account",
            key=email,
            limit=settings.WORKBENCH_RESET_LIMIT_PER_ACCOUNT,
            window=WINDOW,
        ):
            # Answered as a success, so the limit says nothing about whether the account exists.
            return super(auth_views.PasswordResetView, self).form_valid(form)
        return super().form_valid(form)


class PasswordResetDoneView(ResetEnabledMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(ResetEnabledMixin, auth_views.PasswordResetConfirmView):
    pass


class PasswordResetCompleteView(ResetEnabledMixin, auth_views.PasswordResetCompleteView):
    pass
