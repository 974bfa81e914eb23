from __future__ import annotations

from workbench.review.dashboard_views import dashboard_urlpatterns
from workbench.review.views import review_urlpatterns

app_name = "review"
urlpatterns: list = []
# Assigning, My queue, submitting and deciding, adjudication.
urlpatterns += review_urlpatterns
# The agreement page, the project dashboard and the lead's "needs your attention".
urlpatterns += dashboard_urlpatterns
