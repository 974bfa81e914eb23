from __future__ import annotations

from django.urls import path

from workbench.jobs import views

app_name = "jobs"
urlpatterns = [
    path("jobs/", views.job_list_view, name="job_list"),
    path("jobs/<int:job_id>/", views.job_detail_view, name="job_detail"),
    path("jobs/<int:job_id>/cancel/", views.job_cancel_view, name="job_cancel"),
    path("jobs/<int:job_id>/download/", views.job_download_view, name="job_download"),
    path("projects/<int:project_id>/export/job/", views.export_start_view, name="export_start"),
]
