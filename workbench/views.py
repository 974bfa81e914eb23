"""Site-wide views that belong to no app."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, HttpRequest
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

FAVICON = settings.BASE_DIR / "workbench" / "static" / "favicon.ico"


@login_not_required
@require_GET
@cache_control(max_age=86400, public=True)
def favicon_view(request: HttpRequest) -> FileResponse:
    # Browsers and tools ask for /favicon.ico whatever the page links to.
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
