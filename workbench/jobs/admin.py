from __future__ import annotations

from django.contrib import admin

from workbench.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "state", "team", "project", "done", "total", "created"]
    list_filter = ["state", "kind"]
    readonly_fields = ["errors", "result", "links", "worker", "heartbeat", "task_id"]
