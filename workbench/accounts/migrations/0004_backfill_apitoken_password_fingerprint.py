"""Give tokens made before 0003 their owner's current password fingerprint, so they live on
until the next password change instead of dying on upgrade."""

import hashlib

from django.db import migrations


def backfill(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.filter(password_fingerprint="").select_related("user"):
        token.password_fingerprint = hashlib.sha256(token.user.password.encode("utf-8")).hexdigest()
        token.save(update_fields=["password_fingerprint"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_invitation_token_scope_ratelimit")]

    operations = [migrations.RunPython(backfill, reverse_code=migrations.RunPython.noop)]
