from __future__ import annotations

from workbench.review.dashboard_views import dashboard_urlpatterns

app_name = "review"
urlpatterns: list = []
# The agreement page, the project dashboard and the lead's "needs your attention".
urlpatterns += dashboard_urlpatterns
