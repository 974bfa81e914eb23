from __future__ import annotations

from django.urls import path

from workbench.annotations import reader_views
from workbench.annotations.entity_views import entity_urlpatterns
from workbench.annotations.history_views import history_urlpatterns
from workbench.annotations.views import annotation_urlpatterns

app_name = "annotations"
urlpatterns = [*annotation_urlpatterns, *entity_urlpatterns, *history_urlpatterns]

# The reader keeps its articles: names and paths; workbench/urls.py puts it in that namespace.
reader_urlpatterns = [
    path("articles/<int:article_id>/", reader_views.article_detail_view, name="article_detail"),
    path(
        "articles/<int:article_id>/lines/move/",
        reader_views.article_move_line_view,
        name="article_move_line",
    ),
]
