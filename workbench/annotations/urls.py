from __future__ import annotations

from workbench.annotations.entity_views import entity_urlpatterns
from workbench.annotations.history_views import history_urlpatterns
from workbench.annotations.views import annotation_urlpatterns

app_name = "annotations"
urlpatterns = [*annotation_urlpatterns, *entity_urlpatterns, *history_urlpatterns]
