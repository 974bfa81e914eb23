"""Read a JSON Lines export back into a project (`manage.py import_dataset`).

Into an empty database this re-creates what the file names: the team and the project (with its
rating scale), users by username (with unusable passwords, as reviewers of the team), entities
(matched by name or alias, aliases united), sources (by URL, or title without one), the
articles with their bodies exactly as exported and their earlier revisions (numbers, origins,
authors, times), and their annotations, each in the revision its span indexes with its anchor
state (an orphan's span checked against its older revision's text), with statuses, versions,
verdicts, evidence and comments, so that exporting again gives the same bytes. Every write goes
through the articles' and annotations' services, which check spans, verdicts and roles as they
do for the UI; what those services set for a fresh row (status, version, a comment's time) is
then restored from the file.

Each line is one transaction: a bad line is reported with its number and leaves nothing behind,
and the good lines are imported. An article whose body the project already holds is skipped
with its annotations, so importing a file twice does not duplicate anything.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import orjson
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from workbench.accounts.models import Membership, Role, Team
from workbench.annotations.models import (
    AnchorState,
    Annotation,
    AnnotationKind,
    AnnotationStatus,
    Comment,
    Entity,
    Evidence,
)
from workbench.annotations.revisions import RevisionRecord, orphan_restore, revisions_restore
from workbench.annotations.services import (
    Span,
    annotation_create,
    comment_add,
    entity_create,
    entity_update,
    evidence_add,
    source_get_or_create,
)
from workbench.articles.cleanup import Cleaned
from workbench.articles.models import Article, ArticleStatus, ImportSource, Project, Revision
from workbench.articles.selectors import project_by_handle
from workbench.articles.services import Overrides, article_import


class BadLine(ValueError):
    """A line that cannot be imported; the message says why, for the person fixing the file."""


@dataclass
class DatasetReport:
    created: int = 0
    skipped: int = 0
    # The first WORKBENCH_MAX_LISTED_FAILURES bad lines by number; the rest are only counted.
    failures: list[tuple[int, str]] = field(default_factory=list)
    unlisted_failures: int = 0

    @property
    def failed(self) -> int:
        return len(self.failures) + self.unlisted_failures

    def fail(self, number: int, message: str) -> None:
        if len(self.failures) < settings.WORKBENCH_MAX_LISTED_FAILURES:
            self.failures.append((number, message))
        else:
            self.unlisted_failures += 1


@dataclass
class _Target:
    """The project named on the command line: found already, or to be made from the first line."""

    handle: str
    project: Project | None = None
    # Whether the current line created the project (its rollback then undoes it).
    fresh: bool = False


def dataset_import(
    *,
    handle: str,
    lines: Iterable[bytes | str],
    progress: Callable[[int], object] | None = None,
) -> DatasetReport:
    """Import a JSON Lines export into the project `handle` (SLUG or TEAM/SLUG), line by line.

    The project is created from the file's first good line if no project has that slug;
    LookupError if the slug is ambiguous between teams.
    """
    target = _Target(handle=handle, project=_existing_project(handle))
    report = DatasetReport()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        target.fresh = False
        try:
            with transaction.atomic():
                created = _import_line(target, line)
        except (BadLine, ValidationError, PermissionDenied, IntegrityError) as error:
            if target.fresh:
                target.project = None
            report.fail(number, _message(error))
        else:
            if created:
                report.created += 1
            else:
                report.skipped += 1
        if progress is not None:
            progress(1)
    return report


def _existing_project(handle: str) -> Project | None:
    try:
        return project_by_handle(handle)
    except LookupError:
        team_slug, _, slug = handle.rpartition("/")
        if not team_slug and Project.objects.filter(slug=slug).exists():
            raise  # several teams have it: the caller must name one
        return None


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return "; ".join(
                f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
                for name, messages in error.message_dict.items()
            )
        return " ".join(error.messages)
    return str(error) or error.__class__.__name__


# --- one line ---------------------------------------------------------------------------------


def _import_line(target: _Target, line: bytes | str) -> bool:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise BadLine(f"not valid JSON ({error})") from error
    record = _obj(record, "the line")
    project = target.project
    if project is None:
        project = _project_create(target.handle, _obj(record.get("project"), "project"))
        target.project, target.fresh = project, True
    team = project.team
    cache = _LineCache(team)
    result = article_import(
        project=project,
        actor=None,
        cleaned=_cleaned(record),
        source=ImportSource.DATASET,
        overrides=Overrides(url=_str(record, "url")),
    )
    if not result.created:
        return False
    article = result.article
    article_status = _str(record, "status") or ArticleStatus.UNASSIGNED
    if article_status not in ArticleStatus.values:
        raise BadLine(f"unknown article status {article_status!r}")
    if article_status != article.status:
        Article.objects.filter(pk=article.pk).update(status=article_status)
    revisions = _revisions(article, record, cache)
    _annotations(article, _list(record, "annotations"), cache, revisions)
    return True


def _revisions(article: Article, record: dict, cache: _LineCache) -> dict[int, Revision]:
    """Restore the article's earlier texts (the last is its body); return them by number."""
    records = []
    for item in _list(record, "revisions"):
        item = _obj(item, "a revision")
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise BadLine(f"revision {item.get('number')!r} has no text")
        by = item.get("created_by")
        created = item.get("created")
        records.append(
            RevisionRecord(
                number=_int(item, "number"),
                text=text,
                origin=_str(item, "origin"),
                stealth=bool(item.get("stealth")),
                created_by=None if by is None else cache.user(by),
                created=None if created is None else _datetime(created),
            )
        )
    rows = revisions_restore(article=article, revisions=records)
    number = record.get("revision", article.revision)
    if number != article.revision:
        raise BadLine(
            f"“revision” is {number!r} but the file has {len(rows)} revisions of this article"
        )
    return {row.number: row for row in rows}


def _project_create(handle: str, data: dict) -> Project:
    """Create the project named on the command line in the file's team (created if missing)."""
    team_slug, _, slug = handle.rpartition("/")
    team_slug = team_slug or _str(data, "team")
    team = Team.objects.filter(slug=team_slug).first()
    if team is None:
        team = Team(slug=team_slug, name=_str(data, "team_name") or team_slug)
        team.full_clean()
        team.save()
    project = Project(team=team, slug=slug, name=_str(data, "name") or slug)
    scale = data.get("rating_scale")
    if scale is not None:
        project.rating_scale = scale
    axis = data.get("rating_axis")
    if axis is not None and (not isinstance(axis, int) or isinstance(axis, bool)):
        raise BadLine(f"“rating_axis” must be a whole number or null, not {axis!r}")
    project.rating_axis = axis
    project.full_clean()
    project.save()
    return project


def _cleaned(record: dict) -> Cleaned:
    """Return the article as the cleaner would, from the record, leaving the body as it is."""
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        raise BadLine("the article has no body")
    # The text model: spans count code points of an NFC body with \n line ends. A body that is
    # not in that form was not exported by us, and its offsets cannot be trusted.
    if "\r" in body or not unicodedata.is_normalized("NFC", body):
        raise BadLine("the body is not normalized text (NFC with \\n line ends)")
    return Cleaned(
        raw=body,
        body=body,
        removed=[],
        title=_str(record, "title"),
        title_is_provisional=bool(record.get("title_is_provisional")),
        outlet=_str(record, "outlet"),
        byline=_str(record, "byline"),
        published=_date(record, "published"),
        syndicated_by=_str(record, "syndicated_by"),
        retrieved=_date(record, "retrieved"),
        is_truncated=bool(record.get("is_truncated")),
        language=_str(record, "language"),
    )


class _LineCache:
    """Users and entities already resolved for this line (a line is one transaction)."""

    def __init__(self, team: Team) -> None:
        self.team = team
        self.users: dict[str, AbstractBaseUser] = {}
        self.entities: dict[str, Entity] = {}

    def user(self, username: object) -> AbstractBaseUser:
        """Return the user, created without a password if new, as a writer of the team."""
        if not isinstance(username, str) or not username:
            raise BadLine(f"a username is needed, not {username!r}")
        if username in self.users:
            return self.users[username]
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model(username=username)
            user.set_unusable_password()
            user.full_clean()
            user.save()
        Membership.objects.get_or_create(
            user=user, team=self.team, defaults={"role": Role.REVIEWER}
        )
        self.users[username] = user
        return user

    def entity(self, data: object, actor: AbstractBaseUser) -> Entity | None:
        """Return the team's entity with this name (or alias), uniting aliases; create it if new."""
        if data is None:
            return None
        data = _obj(data, "speaker or claimant")
        name = " ".join(_str(data, "name").split())
        if not name:
            raise BadLine("an entity has no name")
        key = name.casefold()
        if key in self.entities:
            return self.entities[key]
        aliases = [a for a in _list(data, "aliases") if isinstance(a, str)]
        entity = _find_entity(self.team, name)
        if entity is None:
            entity = entity_create(
                team=self.team,
                actor=None,
                name=name,
                kind=_str(data, "kind") or "person",
                aliases=aliases,
                description=_str(data, "description"),
                wikidata_id=_str(data, "wikidata_id"),
            )
        else:
            known = {n.casefold() for n in [entity.name, *entity.aliases]}
            new = [a for a in [name, *aliases] if a.casefold() not in known]
            description = entity.description or _str(data, "description")
            wikidata_id = entity.wikidata_id or _str(data, "wikidata_id")
            if new or description != entity.description or wikidata_id != entity.wikidata_id:
                entity = entity_update(
                    entity=entity,
                    actor=actor,
                    name=entity.name,
                    kind=entity.kind,
                    aliases=[*entity.aliases, *new],
                    description=description,
                    wikidata_id=wikidata_id,
                )
        self.entities[key] = entity
        return entity


def _find_entity(team: Team, name: str) -> Entity | None:
    entity = Entity.objects.filter(team=team, name__iexact=name).first()
    if entity is not None:
        return entity
    folded = name.casefold()
    for candidate in Entity.objects.filter(team=team, search_names__contains=folded):
        if folded in candidate.search_names.split("\n"):
            return candidate
    return None


def _annotations(
    article: Article, items: list, cache: _LineCache, revisions: dict[int, Revision]
) -> None:
    """Create the article's annotations in file order, which keeps their order and ordinals.

    A placed annotation's span indexes the body (the current revision); an orphan's, the
    older revision it names, whose text is in `revisions`.
    """
    by_id: dict[object, Annotation] = {}
    by_pk: dict[int, Annotation] = {}
    late_quotes: list[tuple[Annotation, object]] = []
    for item in items:
        item = _obj(item, "an annotation")
        annotator = cache.user(item.get("annotator"))
        kind = _str(item, "kind")
        fields: dict[str, object] = {}
        quote_ref = None
        if kind == AnnotationKind.QUOTE:
            fields = {
                "speaker": cache.entity(item.get("speaker"), annotator),
                "role": _str(item, "role"),
                "mention": _span(item.get("speaker_mention"), "speaker_mention"),
                "cue": _span(item.get("cue"), "cue"),
                "quote_type": _str(item, "quote_type"),
            }
        elif kind == AnnotationKind.CLAIM:
            quote_ref = item.get("quote")
            if quote_ref is not None and not isinstance(quote_ref, int | str):
                raise BadLine(f"“quote” is the id of a quote annotation, not {quote_ref!r}")
            fields = {
                "claimant": cache.entity(item.get("claimant"), annotator),
                "claimant_is_outlet": bool(item.get("claimant_is_outlet")),
                "quote": by_id.get(quote_ref) if quote_ref is not None else None,
                "checkworthy": _str(item, "checkworthy"),
                "verdict": _str(item, "verdict"),
                "rationale": _str(item, "rationale"),
            }
        span = {
            "start": _int(item, "start"),
            "end": _int(item, "end"),
            "exact": _str(item, "exact"),
        }
        if _anchor_state(item) == AnchorState.ORPHANED:
            annotation = orphan_restore(
                article=article,
                author=annotator,
                revision=_older_revision(item, article, revisions),
                kind=kind,
                **span,
                **fields,
            )
        else:
            number = item.get("revision", article.revision)
            if number != article.revision:
                raise BadLine(
                    f"a placed annotation indexes the current revision ({article.revision}), "
                    f"not {number!r}; only an orphan keeps an older one"
                )
            annotation = annotation_create(
                article=article, author=annotator, kind=kind, **span, **fields
            )
        by_pk[annotation.pk] = annotation
        if kind == AnnotationKind.CLAIM and quote_ref is not None and fields["quote"] is None:
            late_quotes.append((annotation, quote_ref))
        _restore(annotation, item)
        if "id" in item:
            if not isinstance(item["id"], int | str) or item["id"] in by_id:
                raise BadLine(f"annotation id {item['id']!r} is not a number or is used twice")
            by_id[item["id"]] = annotation
        for evidence in _list(item, "evidence"):
            _evidence(annotation, _obj(evidence, "evidence"), annotator, cache.team)
        for comment in _list(item, "comments"):
            _comment(annotation, _obj(comment, "a comment"), cache)
    # The operator at the command line acted, not the annotators the file names: the history
    # (annotations and their evidence) names no member as having made these rows.
    created = list(by_pk)
    Annotation.history.filter(id__in=created).update(history_user=None)
    Evidence.history.filter(claim_id__in=created).update(history_user=None)
    for claim, ref in late_quotes:
        # A quote listed after its claim (same start, shorter): link it once it exists.
        quote = by_id.get(ref)
        if quote is None or quote.kind != AnnotationKind.QUOTE:
            raise BadLine(f"claim {claim.start}–{claim.end} names quote {ref!r}, which is not here")
        Annotation.objects.filter(pk=claim.pk).update(quote=quote)
        claim.history.filter(history_type="+").update(quote=quote)


def _anchor_state(item: dict) -> str:
    state = _str(item, "anchor_state") or AnchorState.EXACT
    if state not in AnchorState.values:
        raise BadLine(f"unknown anchor state {state!r} (one of {', '.join(AnchorState.values)})")
    return state


def _older_revision(item: dict, article: Article, revisions: dict[int, Revision]) -> Revision:
    number = item.get("revision")
    if number not in revisions or number == article.revision:
        raise BadLine(
            f"an orphan names the older revision its span indexes; {number!r} is not one of "
            f"this article's ({', '.join(map(str, sorted(revisions)[:-1])) or 'none'})"
        )
    return revisions[number]


def _restore(annotation: Annotation, item: dict) -> None:
    """Set back what a new annotation starts with: its review status, version and anchoring."""
    status = _str(item, "status") or AnnotationStatus.DRAFT
    if status not in AnnotationStatus.values:
        raise BadLine(f"unknown annotation status {status!r}")
    version = item.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadLine(f"an annotation version is a positive integer, not {version!r}")
    state = _anchor_state(item)
    score = item.get("anchor_score")
    if score is not None and (
        not isinstance(score, int | float) or isinstance(score, bool) or not 0 <= score <= 1
    ):
        raise BadLine(f"an anchor score is a number from 0 to 1 or null, not {score!r}")
    restored = {"status": status, "version": version, "anchor_state": state, "anchor_score": score}
    if any(getattr(annotation, name) != value for name, value in restored.items()):
        Annotation.objects.filter(pk=annotation.pk).update(**restored)
        # The history starts with the annotation as imported, not as the service first saved it.
        annotation.history.filter(history_type="+").update(**restored)


def _evidence(claim: Annotation, data: dict, actor: AbstractBaseUser, team: Team) -> None:
    source = _obj(data.get("source"), "an evidence source")
    found = source_get_or_create(
        team=team,
        actor=None,
        title=_str(source, "title"),
        url=_str(source, "url"),
        publisher=_str(source, "publisher"),
        published=_date(source, "published"),
        archived_url=_str(source, "archived_url"),
        kind=_str(source, "kind") or "other",
    )
    # The claim's own annotator may attach sources to it, whatever their role otherwise.
    evidence_add(
        claim=claim,
        actor=actor,
        source=found,
        stance=_str(data, "stance"),
        excerpt=_str(data, "excerpt"),
        note=_str(data, "note"),
    )


def _comment(annotation: Annotation, data: dict, cache: _LineCache) -> None:
    author = data.get("author")
    text = _str(data, "text")
    if author is None:
        # The author's account was deleted: keep the thread, as the workbench does.
        comment = Comment(annotation=annotation, author=None, text=text.strip())
        comment.full_clean()
        comment.save()
    else:
        comment = comment_add(annotation=annotation, author=cache.user(author), text=text)
    created = data.get("created")
    if created is not None:
        Comment.objects.filter(pk=comment.pk).update(created=_datetime(created))


# --- reading fields ---------------------------------------------------------------------------


def _obj(value: object, what: str) -> dict:
    if not isinstance(value, dict):
        raise BadLine(f"{what} must be a JSON object")
    return value


def _str(data: dict, key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadLine(f"“{key}” must be a string, not {value!r}")
    return value


def _int(data: dict, key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadLine(f"“{key}” must be an integer, not {value!r}")
    return value


def _list(data: dict, key: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadLine(f"“{key}” must be a list")
    return value


def _date(data: dict, key: str) -> datetime.date | None:
    value = data.get(key)
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise BadLine(f"“{key}” must be a date such as 2024-01-05, not {value!r}") from error


def _datetime(value: object) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise BadLine(
            f"a time must be ISO 8601, such as 2024-01-05T10:00:00Z, not {value!r}"
        ) from error
    if moment.tzinfo is None:
        raise BadLine(f"a time needs its time zone (Z for UTC), not {value!r}")
    return moment


def _span(value: object, what: str) -> Span | None:
    if value is None:
        return None
    data = _obj(value, what)
    return Span(_int(data, "start"), _int(data, "end"), _str(data, "text"))
