from __future__ import annotations

from django.urls import path

from workbench.jobs import views

app_name = "jobs"
urlpatterns = [
    path("jobs/", views.job_list_view, name="job_list"),
    path("jobs/<int:job_id>/", views.job_detail_view, name="job_detail"),
    path("jobs/<int:job_id>/cancel/", views.job_cancel_view, name="job_cancel"),
]
