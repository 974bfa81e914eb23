from __future__ import annotations

from django.contrib import admin

from workbench.articles.models import Article, Project


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "team", "created"]
    list_filter = ["team"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "outlet", "published", "status", "is_truncated"]
    list_filter = ["status", "is_truncated", "project"]
    search_fields = ["title", "outlet"]
    readonly_fields = ["checksum", "body", "raw", "removed"]
