"""Give every row that existed before the change history a first entry, so its history has a start.

The entry is dated when the row was last changed (or created) and, for annotations, names the
annotator; nothing else is known about what happened before.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef

BATCH = 500
REASON = "History starts"


def backfill(apps, schema_editor):
    for name, date_field, user_field in [
        ("Entity", "updated", None),
        ("Annotation", "updated", "annotator_id"),
        ("Source", "created", None),
        ("Evidence", "created", "added_by_id"),
        ("Comment", "created", "author_id"),
    ]:
        model = apps.get_model("annotations", name)
        historical = apps.get_model("annotations", f"Historical{name}")
        tracked = [
            field.attname
            for field in historical._meta.fields
            if not field.name.startswith("history_")
        ]
        recorded = historical.objects.filter(id=OuterRef("pk"))
        pending = model.objects.filter(~Exists(recorded)).order_by("pk")
        batch = []
        for row in pending.iterator(chunk_size=BATCH):
            batch.append(
                historical(
                    **{attname: getattr(row, attname) for attname in tracked},
                    history_date=getattr(row, date_field),
                    history_type="+",
                    history_change_reason=REASON,
                    history_user_id=getattr(row, user_field) if user_field else None,
                )
            )
            if len(batch) >= BATCH:
                historical.objects.bulk_create(batch)
                batch = []
        historical.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0002_history")]

    operations = [migrations.RunPython(backfill, reverse_code=migrations.RunPython.noop)]
