from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from workbench.accounts.urls import password_reset_urls
from workbench.views import favicon_view

urlpatterns = [
    path("favicon.ico", favicon_view, name="favicon"),
    path("admin/", admin.site.urls),
    # Before Django's own auth URLs, so that these replace its password reset views.
    path("accounts/", include(password_reset_urls)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("workbench.api.urls")),
    path("", include("workbench.accounts.urls")),
    path("", include("workbench.articles.urls")),
    path("", include("workbench.annotations.urls")),
    path("", include("workbench.review.urls")),
    path("", include("workbench.suggest.urls")),
    path("", include("workbench.search.urls")),
]

# The reason of a BadRequest (a malformed id, say) is shown, as 403.html shows a refusal's.
handler400 = "workbench.errors.bad_request"
