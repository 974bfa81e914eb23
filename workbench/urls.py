from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from workbench.accounts.urls import password_reset_urls
from workbench.annotations import urls as annotations_urls
from workbench.articles import urls as articles_urls
from workbench.imports import urls as imports_urls
from workbench.views import favicon_view

# One namespace for the project, reader and import pages, as before they lived in three apps.
articles_urlpatterns = [
    *articles_urls.urlpatterns,
    *annotations_urls.reader_urlpatterns,
    *imports_urls.urlpatterns,
]

urlpatterns = [
    path("favicon.ico", favicon_view, name="favicon"),
    path("admin/", admin.site.urls),
    # Before Django's own auth URLs, so that these replace its password reset views.
    path("accounts/", include(password_reset_urls)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("workbench.api.urls")),
    path("", include("workbench.accounts.urls")),
    path("", include((articles_urlpatterns, "articles"))),
    path("", include("workbench.annotations.urls")),
    path("", include("workbench.review.urls")),
    path("", include("workbench.suggest.urls")),
    path("", include("workbench.search.urls")),
    path("", include("workbench.factchecks.urls")),
    path("", include("workbench.jobs.urls")),
]

# The reason of a BadRequest (a malformed id, say) is shown, as 403.html shows a refusal's.
handler400 = "workbench.errors.bad_request"
