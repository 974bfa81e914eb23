"""The shape of an annotation's change history in the API (GET /annotations/{id}/history/)."""

from __future__ import annotations

from rest_framework import serializers


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="The field's name, as the workbench shows it.")
    before = serializers.CharField(help_text="Its value before, as text; empty for none.")
    after = serializers.CharField(help_text="Its value after, as text; empty for none.")


class HistoryEntrySerializer(serializers.Serializer):
    date = serializers.DateTimeField()
    user = serializers.CharField(help_text="Who made the change; empty when not known.")
    action = serializers.CharField(
        help_text="created, changed or deleted (the annotation); added, changed or removed "
        "(a source attached to it)."
    )
    subject = serializers.CharField(help_text="What changed: the annotation, or a source.")
    reason = serializers.CharField(help_text="Why, when recorded (a merge of speakers).")
    changes = FieldChangeSerializer(many=True)
