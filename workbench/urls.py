from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
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
