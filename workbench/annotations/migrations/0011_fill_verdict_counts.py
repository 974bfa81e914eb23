"""Count the existing claims per project, verdict and status, and install the triggers that keep
the counts from now on (workbench.annotations.verdict_counts), in the same transaction."""

from django.db import migrations
from django.db.models import Count, F

COUNTED = ("submitted", "approved")


def fill_verdict_counts(apps, schema_editor):
    Annotation = apps.get_model("annotations", "Annotation")
    VerdictCount = apps.get_model("annotations", "VerdictCount")
    VerdictCount.objects.all().delete()
    rows = (
        Annotation.objects.filter(kind="claim", status__in=COUNTED)
        .exclude(verdict="")
        .order_by()
        .values("verdict", "status", project_id=F("article__project_id"))
        .annotate(n=Count("id"))
    )
    VerdictCount.objects.bulk_create(
        [VerdictCount(**row) for row in rows.iterator()], batch_size=1000
    )


def install_triggers(apps, schema_editor):
    from workbench.annotations import verdict_counts

    verdict_counts.install(schema_editor.connection, rebuild=False)


def uninstall_triggers(apps, schema_editor):
    from workbench.annotations import verdict_counts

    verdict_counts.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0010_verdictcount")]

    operations = [
        migrations.RunPython(fill_verdict_counts, reverse_code=migrations.RunPython.noop),
        migrations.RunPython(install_triggers, reverse_code=uninstall_triggers),
    ]
