"""Reads of the change history (django-simple-history) of annotations, their evidence, entities.

Each entry says who changed what and when, with every changed field's value before and after,
as text for people (choice labels, entity names, source titles), never raw ids. The
annotation or entity is fetched through the usual selectors first, so an outsider finds nothing
(DoesNotExist → 404) and whatever hides an annotation from the user hides its history too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Model
from django.utils.translation import gettext as _

from workbench.annotations.fields import SPAN_CONTEXT, SPAN_FIELDS, span_parts
from workbench.annotations.models import Annotation, Entity, Evidence, Source
from workbench.annotations.selectors import User, annotation_list, entity_list

# Enough for any annotation's life; a longer history shows its latest entries.
MAX_RECORDS = settings.WORKBENCH_HISTORY_MAX_RECORDS
# Bookkeeping, or shown through another field (the span's text, not its offsets).
ANNOTATION_HIDDEN = {
    "id",
    "article",
    "annotator",
    "version",
    *SPAN_CONTEXT,
    "start",
    "end",
    # A span's offsets; its text shows what it marks.
    *(column for field in SPAN_FIELDS for column in span_parts(field) if column[-6:] != "_exact"),
}
EVIDENCE_HIDDEN = {"id", "claim", "added_by"}
ENTITY_HIDDEN = {"id", "team"}
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
EVIDENCE_ACTIONS = {"+": "added", "~": "changed", "-": "removed"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change: `user` `action` (created, changed, ...) `subject` (the annotation)."""

    date: datetime
    user: str
    action: str
    subject: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)


def annotation_history(*, user: User, annotation_id: int) -> list[HistoryEntry]:
    """Return the changes to an annotation and to its evidence, oldest first.

    Raises Annotation.DoesNotExist when the user may not see the annotation.
    """
    annotation = annotation_list(user=user).prefetch_related(None).get(pk=annotation_id)
    records = _latest(Annotation.history.filter(id=annotation.pk))
    evidence = _latest(Evidence.history.filter(claim_id=annotation.pk))
    names = _Names(records, evidence)
    entries = _entries(records, ANNOTATION_HIDDEN, names, lambda record: _("the annotation"))
    entries += _entries(
        evidence,
        EVIDENCE_HIDDEN,
        names,
        lambda record: _("source “%(title)s”") % {"title": names.source(record.source_id)},
        actions=EVIDENCE_ACTIONS,
    )
    return sorted(entries, key=lambda entry: entry.date)


def entity_history(*, user: User, entity_id: int) -> list[HistoryEntry]:
    """Return the changes to an entity of the user's teams (renames, aliases, merges), oldest first.

    Raises Entity.DoesNotExist when the user may not see the entity.
    """
    entity = entity_list(user=user).get(pk=entity_id)
    records = _latest(Entity.history.filter(id=entity.pk))
    return _entries(records, ENTITY_HIDDEN, _Names(), lambda record: _("the entity"))


def _latest(history: object) -> list[Model]:
    records = list(history.select_related("history_user").order_by("-history_id")[:MAX_RECORDS])
    return records[::-1]


class _Names:
    """Names for the ids the records hold: one query per kind of object, for all records."""

    def __init__(self, *groups: list[Model]) -> None:
        records = [record for group in groups for record in group]
        entity_ids = _ids(records, "speaker_id", "claimant_id")
        self.entities = dict(Entity.objects.filter(pk__in=entity_ids).values_list("pk", "name"))
        missing = entity_ids - set(self.entities)
        if missing:
            # Merged away: the name the entity last had.
            for pk, name in (
                Entity.history.filter(id__in=missing)
                .order_by("history_id")
                .values_list("id", "name")
            ):
                self.entities[pk] = name
        self.sources = dict(
            Source.objects.filter(pk__in=_ids(records, "source_id")).values_list("pk", "title")
        )
        self.quotes = dict(
            Annotation.objects.filter(pk__in=_ids(records, "quote_id")).values_list("pk", "exact")
        )

    def source(self, pk: int | None) -> str:
        return self.sources.get(pk, _("deleted source"))

    def value(self, record: Model, name: str, value: object) -> str:
        """Return a field's value as a person reads it."""
        if value in (None, "", []):
            return ""
        if name in ("speaker", "claimant"):
            return self.entities.get(value, _("deleted entity"))
        if name == "source":
            return self.source(value)
        if name == "quote":
            text = self.quotes.get(value, _("deleted quote"))
            return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        choices = dict(record._meta.get_field(name).flatchoices)
        return str(choices.get(value, value))


def _ids(records: Iterable[Model], *attnames: str) -> set[int]:
    return {
        getattr(record, attname)
        for record in records
        for attname in attnames
        if getattr(record, attname, None) is not None
    }


def _entries(
    records: list[Model],
    hidden: set[str],
    names: _Names,
    subject: object,
    actions: dict[str, str] = ACTIONS,
) -> list[HistoryEntry]:
    entries = []
    previous: dict[int, Model] = {}
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        if record.history_type == "~" and before is not None:
            delta = record.diff_against(before, excluded_fields=hidden)
            pairs = [(change.field, change.old, change.new) for change in delta.changes]
        else:
            # Created, deleted, or the first record kept: its values against nothing.
            shown = [f for f in record.instance_type._meta.concrete_fields if f.editable]
            pairs = [
                (f.name, None, getattr(record, f.attname)) for f in shown if f.name not in hidden
            ]
            if record.history_type == "-":
                pairs = [(name, new, None) for name, _old, new in pairs]
        changes = [
            FieldChange(
                field=str(record.instance_type._meta.get_field(name).verbose_name).capitalize(),
                before=names.value(record, name, old),
                after=names.value(record, name, new),
            )
            for name, old, new in pairs
        ]
        changes = [change for change in changes if change.before != change.after]
        if not changes and not record.history_change_reason and record.history_type == "~":
            continue  # a save that changed nothing shown (a version bump)
        user = record.history_user
        entries.append(
            HistoryEntry(
                date=record.history_date,
                user=user.get_username() if user is not None else "",
                action=actions[record.history_type],
                subject=subject(record),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries
