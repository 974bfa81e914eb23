"""Projects on the default scale: its first five verdicts rate truth, Misleading and
Unverifiable do not (a ClaimReview then gives them no numeric rating)."""

from __future__ import annotations

from django.db import migrations

DEFAULT_RATING_SCALE = [
    "True",
    "Mostly true",
    "Half true",
    "Mostly false",
    "False",
    "Misleading",
    "Unverifiable",
]


def backfill(apps, schema_editor):
    Project = apps.get_model("articles", "Project")
    for project in Project.objects.filter(rating_axis__isnull=True).only("pk", "rating_scale"):
        if project.rating_scale == DEFAULT_RATING_SCALE:
            Project.objects.filter(pk=project.pk).update(rating_axis=5)


def unfill(apps, schema_editor):
    apps.get_model("articles", "Project").objects.update(rating_axis=None)


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_project_rating_axis")]

    operations = [migrations.RunPython(backfill, reverse_code=unfill)]
