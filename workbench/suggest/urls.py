from __future__ import annotations

app_name = "suggest"
urlpatterns: list = []
