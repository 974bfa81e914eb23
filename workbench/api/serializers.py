"""API serializers: they validate and shape the request for a service, and shape the answer.

Ids of related objects are resolved against the caller's own scoped querysets, so another
team's id is "unknown" (400), exactly like an id that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.validators import ProhibitNullCharactersValidator, URLValidator
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from workbench.accounts.models import Membership, Team
from workbench.accounts.selectors import team_list
from workbench.annotations.fields import (
    ANCHOR_FIELDS,
    CLAIM_FIELDS,
    KIND_COLUMNS,
    KIND_FIELDS,
    LINK_FIELDS,
    QUOTE_FIELDS,
    SPAN,
    SPAN_CONTEXT,
    SPAN_FIELDS,
    TIMES,
    span_parts,
)
from workbench.annotations.models import (
    Annotation,
    AnnotationKind,
    Checkworthy,
    Comment,
    Entity,
    EntityKind,
    Evidence,
    QuoteType,
    Source,
    SourceKind,
    Stance,
)
from workbench.annotations.selectors import annotation_list, entity_list, source_list
from workbench.annotations.services import Span
from workbench.articles.jsonl import UNSTORABLE, count_lines
from workbench.articles.models import Article, Project
from workbench.articles.selectors import article_list, project_list
from workbench.articles.services import Overrides

http_url = URLValidator(schemes=["http", "https"])
# Ids are 64-bit; a longer number cannot exist (and would make the database raise).
MAX_ID_DIGITS = 18
# DRF's own date field, for the lists' fast read paths (annotation_list_data, article_list_data).
_DATE = serializers.DateField()


def _user(serializer: serializers.Serializer) -> AbstractBaseUser | AnonymousUser:
    request = serializer.context.get("request")
    return getattr(request, "user", None) or AnonymousUser()


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField):
    """An id resolved among the caller's own objects: anything else is "unknown", never a leak."""

    default_error_messages = {
        "does_not_exist": _("Unknown {name}: no such id among yours."),
        "incorrect_type": _("Give the {name}'s id, a number."),
    }

    def __init__(self, *, selector: Any, name: str, **kwargs: Any) -> None:
        self.selector, self.name = selector, name
        super().__init__(queryset=Annotation.objects.none(), **kwargs)

    def to_internal_value(self, data: Any) -> Any:
        # Past 64 bits the database raises (OverflowError, DataError) instead of finding nothing.
        if (
            isinstance(data, int | str)
            and not isinstance(data, bool)
            and len(str(data)) > MAX_ID_DIGITS
        ):
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)

    def get_queryset(self) -> QuerySet:
        # No joins for the panel: only the row itself (and its team) are needed to check it.
        return self.selector(user=_user(self.root)).prefetch_related(None)

    def fail(self, key: str, **kwargs: Any) -> None:
        super().fail(key, name=self.name, **kwargs)


def _default_team(serializer: serializers.Serializer, team: Team | None) -> Team:
    """Return the given team, or the caller's only team when none is given."""
    if team is not None:
        return team
    teams = list(team_list(user=_user(serializer))[:2])
    if len(teams) != 1:
        raise serializers.ValidationError(
            {"team": [_("You are in several teams: say which (its id).")]}, code="team_required"
        )
    return teams[0]


class TeamField(ScopedPrimaryKeyField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(selector=team_list, name="team", **kwargs)


# --- teams ------------------------------------------------------------------------------------


class TeamSerializer(serializers.ModelSerializer):
    """One of the caller's teams, from their membership in it."""

    id = serializers.IntegerField(source="team_id", read_only=True)
    name = serializers.CharField(source="team.name", read_only=True)
    slug = serializers.CharField(source="team.slug", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "name", "slug", "role"]
        read_only_fields = fields


# --- projects ---------------------------------------------------------------------------------


class ProjectSerializer(serializers.ModelSerializer):
    team_slug = serializers.CharField(source="team.slug", read_only=True)
    article_count = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = [
            "id",
            "team",
            "team_slug",
            "name",
            "slug",
            "description",
            "rating_scale",
            "rating_axis",
            "article_count",
            "created",
        ]
        read_only_fields = fields

    def get_article_count(self, project: Project) -> int:
        count = getattr(project, "article_count", None)
        return count if count is not None else project.articles.count()


class ProjectWriteSerializer(serializers.Serializer):
    team = TeamField(required=False, help_text="The team's id; optional when you are in one team.")
    name = serializers.CharField(max_length=200)
    slug = serializers.SlugField(max_length=100)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    rating_scale = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        help_text="Verdict labels, best first.",
    )
    rating_axis = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        max_value=1000,
        help_text="How many of the first labels rate truth (the rest, such as Misleading, get "
        "no ClaimReview ratingValue); null: the default scale's first five, any other scale's "
        "all.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance is not None:
            # A project does not move between teams.
            self.fields.pop("team")

    def validate(self, data: dict) -> dict:
        if self.instance is None:
            data["team"] = _default_team(self, data.get("team"))
            return data
        for name in ("name", "slug", "description", "rating_scale", "rating_axis"):
            data.setdefault(name, getattr(self.instance, name))
        return data

    def to_representation(self, instance: Project) -> dict:
        return ProjectSerializer(instance, context=self.context).data


class ExportQuerySerializer(serializers.Serializer):
    format = serializers.CharField(help_text="jsonl, csv, w3c or claimreview.")
    status = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Only annotations of this status."
    )
    include_unapproved = serializers.BooleanField(
        required=False,
        default=False,
        help_text="ClaimReview only: also claims that are not approved (else approved only).",
    )


# --- articles ---------------------------------------------------------------------------------


class SentenceQuerySerializer(serializers.Serializer):
    top = serializers.IntegerField(
        required=False,
        default=100,
        min_value=1,
        max_value=100,
        help_text="Only the most check-worthy percent of the sentences (10: the top 10 %).",
    )
    order = serializers.ChoiceField(
        choices=["score", "text"],
        required=False,
        default="score",
        help_text="score: most check-worthy first; text: reading order.",
    )


class SentenceSerializer(serializers.Serializer):
    """One sentence of an article scored for check-worthiness (a claim suggestion)."""

    kind = serializers.CharField(help_text="Always claim.")
    start = serializers.IntegerField(help_text="Code-point offset into the article body.")
    end = serializers.IntegerField()
    text = serializers.CharField()
    score = serializers.FloatField(help_text="Check-worthiness in [0, 1].")
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text='Why: "a number", "a named source", …'
    )
    speaker = serializers.CharField(
        allow_null=True, help_text="Who said it, in a transcript of SPEAKER: lines."
    )
    rule = serializers.CharField()
    already_checked = serializers.SerializerMethodField(
        help_text="A fact-check or an earlier claim of the team (not of this article) likely "
        "matches it: the re-ranker's probability is at least 0.5."
    )

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_already_checked(self, sentence: object) -> bool:
        return sentence.start in self.context.get("checked", ())


class ArticleSerializer(serializers.ModelSerializer):
    body_chars = serializers.SerializerMethodField()
    removed_lines = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "project",
            "title",
            "title_is_provisional",
            "outlet",
            "byline",
            "url",
            "published",
            "language",
            "status",
            "is_truncated",
            "syndicated_by",
            "retrieved",
            "source",
            "checksum",
            "revision",
            "stealth_edit",
            "body_chars",
            "removed_lines",
            "created",
            "updated",
        ]
        read_only_fields = fields

    def get_body_chars(self, article: Article) -> int:
        length = getattr(article, "body_length", None)
        return length if length is not None else len(article.body)


ARTICLE_LIST_COLUMNS = (
    "id",
    "project_id",
    "title",
    "title_is_provisional",
    "outlet",
    "byline",
    "url",
    "published",
    "language",
    "status",
    "is_truncated",
    "syndicated_by",
    "retrieved",
    "source",
    "checksum",
    "revision",
    "stealth_edit",
    "body_length",
    "removed",
    "created",
    "updated",
)


def article_list_rows(articles: QuerySet[Article]) -> QuerySet:
    """Return the (scoped, filtered) articles, with `body_length`, as plain rows (dicts)."""
    return articles.values(*ARTICLE_LIST_COLUMNS)


def article_list_data(rows: list[dict]) -> list[dict]:
    """Return a page of `article_list_rows` exactly as ArticleSerializer shapes each article.

    tests/api/test_list_fast_path.py compares the two.
    """
    tz = timezone.get_current_timezone() if settings.USE_TZ else None
    stamp = serializers.DateTimeField(default_timezone=tz).to_representation
    day = _DATE.to_representation
    return [
        {
            "id": row["id"],
            "project": row["project_id"],
            "title": row["title"],
            "title_is_provisional": bool(row["title_is_provisional"]),
            "outlet": row["outlet"],
            "byline": row["byline"],
            "url": row["url"],
            "published": day(row["published"]) if row["published"] else None,
            "language": row["language"],
            "status": row["status"],
            "is_truncated": bool(row["is_truncated"]),
            "syndicated_by": row["syndicated_by"],
            "retrieved": day(row["retrieved"]) if row["retrieved"] else None,
            "source": row["source"],
            "checksum": row["checksum"],
            "revision": row["revision"],
            "stealth_edit": bool(row["stealth_edit"]),
            "body_chars": row["body_length"],
            "removed_lines": len(row["removed"]),
            "created": stamp(row["created"]),
            "updated": stamp(row["updated"]),
        }
        for row in rows
    ]


class RemovedLineSerializer(serializers.Serializer):
    line = serializers.IntegerField(help_text="Index into the input's lines.")
    text = serializers.CharField()
    reason = serializers.CharField()


class ArticleDetailSerializer(ArticleSerializer):
    removed = RemovedLineSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "removed"]
        read_only_fields = fields


class ArticleImportedSerializer(ArticleDetailSerializer):
    already_imported = serializers.BooleanField(
        read_only=True, help_text="True: the same text was already in the project (200)."
    )
    message = serializers.CharField(source="import_message", read_only=True)

    class Meta(ArticleDetailSerializer.Meta):
        fields = [*ArticleDetailSerializer.Meta.fields, "already_imported", "message"]
        read_only_fields = fields


class ArticleCreateSerializer(serializers.Serializer):
    """Create an article from its text (plain text or HTML), or by fetching a public URL."""

    project = ScopedPrimaryKeyField(selector=project_list, name="project")
    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="The article's text or HTML."
    )
    url = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        validators=[http_url],
        help_text="Without `text`: fetched and extracted. With `text`: kept as metadata.",
    )
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    byline = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    published = serializers.DateField(required=False, allow_null=True, default=None)

    def validate(self, data: dict) -> dict:
        if not data.get("text", "").strip() and not data.get("url"):
            raise serializers.ValidationError(
                {"text": [_("Send the article's `text`, or a `url` to fetch.")]}, code="no_text"
            )
        overrides = Overrides(
            title=data.pop("title").strip(),
            outlet=data.pop("outlet").strip(),
            byline=data.pop("byline").strip(),
            url=data.get("url", ""),
            published=data.pop("published"),
        )
        return {**data, "overrides": overrides}


class ArticleUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500)
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
    byline = serializers.CharField(required=False, allow_blank=True, max_length=300)
    url = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, validators=[http_url]
    )
    published = serializers.DateField(required=False, allow_null=True)

    def validate(self, data: dict) -> dict:
        for name in ("title", "outlet", "byline", "url", "published"):
            data.setdefault(name, getattr(self.instance, name))
        return data

    def to_representation(self, instance: Article) -> dict:
        return ArticleDetailSerializer(instance, context=self.context).data


class LargeTextField(serializers.CharField):
    """A CharField for megabytes of text: the same NUL and surrogate checks, done by a regex.

    DRF's own validators test every character in Python, a quarter of a second for a batch of
    500 articles; the regex takes a millisecond.
    """

    BAD_CHARACTERS = UNSTORABLE

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            v
            for v in self.validators
            if not isinstance(
                v, ProhibitNullCharactersValidator | ProhibitSurrogateCharactersValidator
            )
        ]

    def to_internal_value(self, data: object) -> str:
        value = super().to_internal_value(data)
        bad = self.BAD_CHARACTERS.search(value)
        if bad is not None:
            raise serializers.ValidationError(
                _("The text holds a character that cannot be stored (U+%(code)04X).")
                % {"code": ord(bad.group())},
                code="bad_character",
            )
        return value


class ArticleBatchSerializer(serializers.Serializer):
    project = ScopedPrimaryKeyField(selector=project_list, name="project")
    jsonl = LargeTextField(
        trim_whitespace=False,
        help_text='One JSON object per line: {"title", "body" or "text", "url", "outlet", '
        '"byline", "published"}. A pre-annotated line adds "spans": [{"start", "end", '
        '"label": "Quote"|"Claim", "text", "speaker"}] (code points into the text, stored '
        'verbatim, uncleaned) and optionally "annotator" (a team member\'s username). At most '
        "WORKBENCH_MAX_IMPORT_LINES lines (10,000 by default).",
    )

    def validate_jsonl(self, value: str) -> str:
        if self.as_job(value):
            return value  # a background job reads any number of lines
        limit = settings.WORKBENCH_MAX_IMPORT_LINES
        if count_lines(value) > limit:
            raise serializers.ValidationError(
                _("The batch has more than %(limit)s lines, the most one import takes: split it.")
                % {"limit": f"{limit:,}"},
                code="too_many_lines",
            )
        return value

    def as_job(self, value: str) -> bool:
        """Whether the batch runs as a background job: asked for, or past the size threshold."""
        return bool(self.context.get("as_job")) or (
            len(value.encode()) > settings.WORKBENCH_JOB_THRESHOLD_BYTES
        )

    def validate(self, attrs: dict) -> dict:
        return {**attrs, "as_job": self.as_job(attrs["jsonl"])}


class BatchLineSerializer(serializers.Serializer):
    line = serializers.CharField(help_text="Where in the batch, e.g. “line 3”.")
    id = serializers.IntegerField()
    created = serializers.BooleanField()


class BatchFailureSerializer(serializers.Serializer):
    line = serializers.CharField()
    message = serializers.CharField()


class ArticleBatchResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    duplicates = serializers.IntegerField()
    annotations = serializers.IntegerField(help_text="Annotations created from the lines' spans.")
    results = BatchLineSerializer(many=True)
    failures = BatchFailureSerializer(
        many=True, help_text="The first WORKBENCH_MAX_LISTED_FAILURES (100) refused lines."
    )
    unlisted_failures = serializers.IntegerField(
        help_text="How many more lines were refused, past those listed."
    )


class MoveLineSerializer(serializers.Serializer):
    line = serializers.IntegerField(min_value=0, help_text="Index into the input's lines.")
    to = serializers.ChoiceField(choices=["body", "removed"])
    checksum = serializers.CharField(
        max_length=64, help_text="The article's checksum as you read it."
    )


# --- entities and sources ---------------------------------------------------------------------


class EntitySerializer(serializers.ModelSerializer):
    team = TeamField(required=False, help_text="The team's id; optional when you are in one team.")
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list
    )

    class Meta:
        model = Entity
        fields = [
            "id",
            "team",
            "kind",
            "name",
            "aliases",
            "description",
            "wikidata_id",
            "created",
            "updated",
        ]
        read_only_fields = ["id", "created", "updated"]
        extra_kwargs = {
            "kind": {"default": EntityKind.PERSON},
            "description": {"default": ""},
            "wikidata_id": {"default": ""},
        }
        # Uniqueness is the service's to check, with a clear message.
        validators: list = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance is not None and "team" in self.fields:
            self.fields["team"].read_only = True

    def validate(self, data: dict) -> dict:
        if self.instance is None:
            data["team"] = _default_team(self, data.get("team"))
            return data
        data.pop("team", None)
        for name in ("name", "kind", "aliases", "description", "wikidata_id"):
            data.setdefault(name, getattr(self.instance, name))
        return data


class EntityMergeSerializer(serializers.Serializer):
    merge = ScopedPrimaryKeyField(
        selector=entity_list, name="entity", help_text="The entity folded into this one."
    )


class SourceSerializer(serializers.ModelSerializer):
    team = TeamField(required=False, help_text="The team's id; optional when you are in one team.")

    class Meta:
        model = Source
        fields = [
            "id",
            "team",
            "url",
            "title",
            "publisher",
            "published",
            "archived_url",
            "kind",
            "created",
        ]
        read_only_fields = ["id", "created"]
        extra_kwargs = {
            "url": {"default": "", "help_text": "http(s); never fetched by the server."},
            "publisher": {"default": ""},
            "archived_url": {"default": ""},
            "kind": {"default": SourceKind.OTHER},
            "published": {"default": None},
        }
        validators: list = []

    def validate(self, data: dict) -> dict:
        data["team"] = _default_team(self, data.get("team"))
        return data


class SourceRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "url", "title", "publisher", "published", "kind"]
        read_only_fields = fields


# --- annotations ------------------------------------------------------------------------------


class EntityRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "name", "kind"]
        read_only_fields = fields


class SpanSerializer(serializers.Serializer):
    """A stretch of the body in code points (Python str indices), end exclusive."""

    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=0)
    exact = serializers.CharField(trim_whitespace=False, help_text="body[start:end], exactly.")


class EvidenceSerializer(serializers.ModelSerializer):
    source = SourceRefSerializer(read_only=True)

    class Meta:
        model = Evidence
        fields = ["id", "source", "stance", "excerpt", "note", "created"]
        read_only_fields = fields


class EvidenceCreateSerializer(serializers.Serializer):
    source = ScopedPrimaryKeyField(selector=source_list, name="source")
    stance = serializers.ChoiceField(choices=Stance.choices)
    excerpt = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")

    def to_representation(self, instance: Evidence) -> dict:
        return EvidenceSerializer(instance, context=self.context).data


class CommentSerializer(serializers.ModelSerializer):
    author = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Comment
        fields = ["id", "author", "text", "created"]
        read_only_fields = ["id", "author", "created"]


def _span_or_none(start: int | None, end: int | None, exact: str) -> dict | None:
    if start is None:
        return None
    return {"start": start, "end": end, "exact": exact}


class AnnotationSerializer(serializers.ModelSerializer):
    """An annotation as a researcher reads it: names resolved, evidence with its sources."""

    annotator = serializers.SlugRelatedField(slug_field="username", read_only=True)
    speaker = EntityRefSerializer(read_only=True, allow_null=True)
    claimant = EntityRefSerializer(read_only=True, allow_null=True)
    mention = serializers.SerializerMethodField()
    cue = serializers.SerializerMethodField()
    evidence = EvidenceSerializer(many=True, read_only=True)
    comment_count = serializers.SerializerMethodField()

    class Meta:
        model = Annotation
        fields = [
            "id",
            "article",
            "kind",
            *SPAN,
            *SPAN_CONTEXT,
            "status",
            "version",
            *ANCHOR_FIELDS,
            "annotator",
            *KIND_FIELDS,
            "evidence",
            "comment_count",
            *TIMES,
        ]
        read_only_fields = fields

    @extend_schema_field(SpanSerializer(allow_null=True))
    def get_mention(self, annotation: Annotation) -> dict | None:
        a = annotation
        return _span_or_none(a.mention_start, a.mention_end, a.mention_exact)

    @extend_schema_field(SpanSerializer(allow_null=True))
    def get_cue(self, annotation: Annotation) -> dict | None:
        return _span_or_none(annotation.cue_start, annotation.cue_end, annotation.cue_exact)

    @extend_schema_field(OpenApiTypes.INT)
    def get_comment_count(self, annotation: Annotation) -> int:
        # Prefetched by the selector: len() of the cached list, no query.
        return len(annotation.comments.all())


# --- the list's read path -----------------------------------------------------------------------
#
# A list page of 100 annotations through AnnotationSerializer builds 100 model instances with
# their related objects and runs DRF's per-field machinery some 4,000 times: most of the page's
# time. The list reads plain rows instead (`annotation_list_rows`) and shapes them with
# `annotation_list_data`, which gives exactly what AnnotationSerializer gives for each
# annotation (tests/api/test_list_fast_path.py compares the two, so they cannot drift). The
# datetime and date fields are DRF's own, so times are formatted as everywhere else.

ANNOTATION_LIST_COLUMNS = (
    "id",
    "article_id",
    "kind",
    *SPAN,
    *SPAN_CONTEXT,
    "status",
    "version",
    *ANCHOR_FIELDS,
    "annotator__username",
    *KIND_COLUMNS,
    *(f"{link}__{name}" for link in ("speaker", "claimant") for name in ("name", "kind")),
    *TIMES,
)


def annotation_list_rows(annotations: QuerySet[Annotation]) -> QuerySet:
    """Return the (scoped, filtered) annotations as the plain rows `annotation_list_data` reads.

    Dicts, so that cursor pagination can read its position from them (`id`, `start`,
    `created`, `updated` are all among the columns).
    """
    # The comment count as a column: one round trip less per page than counting afterwards.
    comments = (
        Comment.objects.filter(annotation=OuterRef("pk"))
        .order_by()
        .values("annotation")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        annotations.prefetch_related(None)
        .annotate(comment_count=Coalesce(Subquery(comments), 0))
        .values(*ANNOTATION_LIST_COLUMNS, "comment_count")
    )


def annotation_list_data(rows: list[dict]) -> list[dict]:
    """Return a page of `annotation_list_rows` as AnnotationSerializer shapes each annotation.

    One query for the whole page: the claims' evidence with its sources (the comment counts
    come with the rows).
    """
    if not rows:
        return []
    # DRF's DateTimeField, with the current time zone looked up once rather than per value.
    tz = timezone.get_current_timezone() if settings.USE_TZ else None
    stamp = serializers.DateTimeField(default_timezone=tz).to_representation
    claims = [row["id"] for row in rows if row["kind"] == AnnotationKind.CLAIM]
    evidence = _list_evidence(claims, stamp) if claims else {}
    return [_list_item(row, evidence, stamp) for row in rows]


_EVIDENCE_COLUMNS = (
    "claim_id",
    "id",
    "source_id",
    "source__url",
    "source__title",
    "source__publisher",
    "source__published",
    "source__kind",
    "stance",
    "excerpt",
    "note",
    "created",
)


def _list_evidence(claims: list[int], stamp: Callable[[object], str]) -> dict[int, list[dict]]:
    """Return the claims' evidence by claim id, each item as EvidenceSerializer shapes it."""
    evidence: dict[int, list[dict]] = {}
    items = (
        Evidence.objects.filter(claim_id__in=claims)
        .order_by(*Evidence._meta.ordering)
        .values(*_EVIDENCE_COLUMNS)
    )
    for item in items:
        published = item["source__published"]
        evidence.setdefault(item["claim_id"], []).append(
            {
                "id": item["id"],
                "source": {
                    "id": item["source_id"],
                    "url": item["source__url"],
                    "title": item["source__title"],
                    "publisher": item["source__publisher"],
                    "published": _DATE.to_representation(published) if published else None,
                    "kind": item["source__kind"],
                },
                "stance": item["stance"],
                "excerpt": item["excerpt"],
                "note": item["note"],
                "created": stamp(item["created"]),
            }
        )
    return evidence


_NOTHING: list = []


def _list_item(row: dict, evidence: dict[int, list[dict]], stamp: Callable[[object], str]) -> dict:
    """Return one annotation row as AnnotationSerializer shapes it (keys in its order)."""
    return {
        "id": row["id"],
        "article": row["article_id"],
        "kind": row["kind"],
        "start": row["start"],
        "end": row["end"],
        "exact": row["exact"],
        "prefix": row["prefix"],
        "suffix": row["suffix"],
        "status": row["status"],
        "version": row["version"],
        **{name: row[name] for name in ANCHOR_FIELDS},
        "annotator": row["annotator__username"],
        "speaker": _entity_ref(row, "speaker"),
        "role": row["role"],
        "mention": _span_or_none(*(row[column] for column in span_parts("mention"))),
        "cue": _span_or_none(*(row[column] for column in span_parts("cue"))),
        "quote_type": row["quote_type"],
        "claimant": _entity_ref(row, "claimant"),
        "claimant_is_outlet": bool(row["claimant_is_outlet"]),
        "quote": row["quote_id"],
        "checkworthy": row["checkworthy"],
        "verdict": row["verdict"],
        "rationale": row["rationale"],
        "evidence": evidence.get(row["id"], _NOTHING),
        "comment_count": row["comment_count"],
        "created": stamp(row["created"]),
        "updated": stamp(row["updated"]),
    }


def _entity_ref(row: dict, link: str) -> dict | None:
    """Return a speaker or claimant as EntityRefSerializer shapes it, from the row's columns."""
    pk = row[f"{link}_id"]
    if pk is None:
        return None
    return {"id": pk, "name": row[f"{link}__name"], "kind": row[f"{link}__kind"]}


def _quotes(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Annotation]:
    return annotation_list(user=user, kind=AnnotationKind.QUOTE)


_REVISION_HELP = (
    "The article revision you selected in (the article's `revision`); a newer one on file "
    "answers 409 with code stale_revision."
)


class _AnnotationFieldsSerializer(serializers.Serializer):
    """The quote and claim fields shared by create and update."""

    speaker = ScopedPrimaryKeyField(
        selector=entity_list, name="entity", required=False, allow_null=True
    )
    role = serializers.CharField(required=False, allow_blank=True, max_length=300)
    mention = SpanSerializer(
        required=False, allow_null=True, help_text="Where the text names the speaker."
    )
    cue = SpanSerializer(required=False, allow_null=True, help_text="The reporting verb.")
    quote_type = serializers.ChoiceField(
        choices=QuoteType.choices, required=False, allow_blank=True
    )
    claimant = ScopedPrimaryKeyField(
        selector=entity_list, name="entity", required=False, allow_null=True
    )
    claimant_is_outlet = serializers.BooleanField(required=False)
    quote = ScopedPrimaryKeyField(
        selector=_quotes,
        name="quote",
        required=False,
        allow_null=True,
        help_text="The quote this claim was made in (same article).",
    )
    checkworthy = serializers.ChoiceField(
        choices=Checkworthy.choices, required=False, allow_blank=True
    )
    verdict = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="From the project's scale."
    )
    rationale = serializers.CharField(required=False, allow_blank=True)

    def _shape_spans(self, data: dict) -> dict:
        for name in SPAN_FIELDS:
            if data.get(name) is not None:
                data[name] = Span(**data[name])
        return data

    def to_representation(self, instance: Annotation) -> dict:
        return AnnotationSerializer(instance, context=self.context).data


class AnnotationCreateSerializer(_AnnotationFieldsSerializer):
    article = ScopedPrimaryKeyField(selector=article_list, name="article")
    kind = serializers.ChoiceField(choices=AnnotationKind.choices)
    start = serializers.IntegerField(min_value=0, help_text="Code point offset into the body.")
    end = serializers.IntegerField(min_value=0, help_text="Exclusive.")
    exact = serializers.CharField(trim_whitespace=False, help_text="body[start:end], exactly.")

    def validate(self, data: dict) -> dict:
        return self._shape_spans(data)


class AnnotationUpdateSerializer(_AnnotationFieldsSerializer):
    """A change; PUT replaces every field of the annotation's kind, PATCH only those sent."""

    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=0)
    exact = serializers.CharField(trim_whitespace=False)
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        write_only=True,
        help_text='The version you edited (or send If-Match: "<version>").',
    )
    revision = serializers.IntegerField(
        min_value=1, required=False, write_only=True, help_text=_REVISION_HELP
    )

    def validate(self, data: dict) -> dict:
        data = self._shape_spans(data)
        span_parts = [data.pop(name, None) for name in SPAN]
        if any(part is not None for part in span_parts):
            if any(part is None for part in span_parts):
                raise serializers.ValidationError(
                    {"exact": [_("Send start, end and exact together.")]}, code="partial_span"
                )
            data["span"] = Span(*span_parts)
        if not self.partial:
            own = QUOTE_FIELDS if self.instance.kind == AnnotationKind.QUOTE else CLAIM_FIELDS
            empty: dict[str, object] = dict.fromkeys((*LINK_FIELDS, *SPAN_FIELDS))
            empty["claimant_is_outlet"] = False
            for name in own:
                data.setdefault(name, empty.get(name, ""))
        return data
