"""List filters: explicit allowlists of fields and lookups, never `__all__`.

A query parameter that is not declared here (`?annotator__password__startswith=x`,
`?speaker__team__name=x`) is ignored: django-filter only reads the filters it declares, and the
related-object choices are the caller's own team's, so no filter can probe another team. A
declared one given a value it cannot read (`?status=bogus`, `?is_truncated=maybe`,
`?ordering=bogus`) is a 400 naming it: listing everything as if filtered would mislead a tool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from django_filters.fields import ModelChoiceField
from django_filters.widgets import BooleanWidget
from rest_framework import serializers
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request

from workbench.accounts.selectors import team_list
from workbench.annotations.models import Annotation, Entity, Source
from workbench.annotations.selectors import entity_list
from workbench.articles.models import Article, Project
from workbench.articles.selectors import article_list, project_list

if TYPE_CHECKING:
    from rest_framework.views import APIView

SEARCH_WORDS = 6
MAX_ID_DIGITS = 18


class StableOrderingFilter(OrderingFilter):
    """Ordering from the view's `ordering_fields` allowlist, with `id` appended as a tiebreaker.

    Cursor pagination needs a total order; `?ordering=start` alone would leave ties to the
    database.
    """

    def get_ordering(self, request: Request, queryset: QuerySet, view: APIView) -> list[str]:
        self._refuse_unknown_fields(request, queryset, view)
        ordering = list(super().get_ordering(request, queryset, view) or [])
        if not any(field.lstrip("-") in ("id", "pk") for field in ordering):
            ordering.append("id")
        return ordering

    def _refuse_unknown_fields(self, request: Request, queryset: QuerySet, view: APIView) -> None:
        # DRF drops a field it does not allow and orders by the default, silently.
        given = request.query_params.get(self.ordering_param, "")
        terms = [term.strip() for term in given.split(",")] if given else []
        if len(self.remove_invalid_fields(queryset, terms, view, request)) == len(terms):
            return
        context = {"request": request}
        allowed = [name for name, _label in self.get_valid_fields(queryset, view, context)]
        message = _("Order by one of: %(fields)s (a leading - reverses the order).")
        raise serializers.ValidationError(
            {self.ordering_param: [message % {"fields": ", ".join(allowed)}]}, code="invalid"
        )


class StrictBooleanWidget(BooleanWidget):
    """BooleanWidget, passing a value it does not know on to the field rather than dropping it."""

    def value_from_datadict(self, data: object, files: object, name: str) -> object:
        known = super().value_from_datadict(data, files, name)
        given = data.get(name)
        return given if known is None and given not in (None, "") else known


class StrictBooleanField(forms.NullBooleanField):
    """Yes, no, or no filter; any other value is refused (NullBooleanField makes it "no filter")."""

    def to_python(self, value: object) -> bool | None:
        if value in (True, False, None, ""):
            return super().to_python(value)
        raise ValidationError(_("Give true or false (or 1 or 0)."), code="invalid")


class BoundedModelChoiceField(ModelChoiceField):
    """An id choice that refuses numbers past 64 bits (the database would raise on them)."""

    def to_python(self, value: object) -> object:
        if value not in self.empty_values and len(str(value)) > MAX_ID_DIGITS:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ScopedFilterSet(filters.FilterSet):
    """Restrict each related-object filter's choices to the caller's teams (unknown id → 400)."""

    scoped: dict[str, Callable[..., QuerySet]] = {}

    def __init__(self, *args: object, request: Request | None = None, **kwargs: object) -> None:
        super().__init__(*args, request=request, **kwargs)
        for name, selector in self.scoped.items():
            # Plain id lookups: the filter only needs the id, not the related rows' joins.
            # The schema generator builds filter sets without a request: no choices then.
            user = getattr(request, "user", None) or AnonymousUser()
            self.filters[name].queryset = selector(user=user).select_related(None)
            self.filters[name].field_class = BoundedModelChoiceField
        for declared in self.filters.values():
            if isinstance(declared, filters.BooleanFilter):
                declared.field_class = StrictBooleanField
                declared.extra["widget"] = StrictBooleanWidget


def _search_names(queryset: QuerySet[Entity], name: str, value: str) -> QuerySet[Entity]:
    # The same matching as the registry page: every word within a name or an alias.
    for word in value.casefold().split()[:SEARCH_WORDS]:
        queryset = queryset.filter(search_names__contains=word)
    return queryset


class AnnotationFilter(ScopedFilterSet):
    annotator = filters.CharFilter(
        field_name="annotator__username", lookup_expr="exact", help_text="Annotator's username."
    )
    scoped = {
        "article": article_list,
        "speaker": entity_list,
        "claimant": entity_list,
    }

    class Meta:
        model = Annotation
        fields = {
            "article": ["exact"],
            "kind": ["exact"],
            "status": ["exact"],
            "speaker": ["exact"],
            "claimant": ["exact"],
            "verdict": ["exact"],
            "checkworthy": ["exact"],
            "quote_type": ["exact"],
        }


class ArticleFilter(ScopedFilterSet):
    scoped = {"project": project_list}

    class Meta:
        model = Article
        fields = {
            "project": ["exact"],
            "status": ["exact"],
            "outlet": ["exact", "icontains"],
            "published": ["gte", "lte"],
            "is_truncated": ["exact"],
        }


class EntityFilter(ScopedFilterSet):
    q = filters.CharFilter(method=_search_names, help_text="Words of a name or an alias.")
    scoped = {"team": team_list}

    class Meta:
        model = Entity
        fields = {"team": ["exact"], "kind": ["exact"]}


class SourceFilter(ScopedFilterSet):
    q = filters.CharFilter(method="search", help_text="Part of the URL or the title.")
    scoped = {"team": team_list}

    class Meta:
        model = Source
        fields = {"team": ["exact"], "kind": ["exact"]}

    def search(self, queryset: QuerySet[Source], name: str, value: str) -> QuerySet[Source]:
        value = value.strip()
        return queryset.filter(Q(url__icontains=value) | Q(title__icontains=value))


class ProjectFilter(ScopedFilterSet):
    scoped = {"team": team_list}

    class Meta:
        model = Project
        fields = {"team": ["exact"], "slug": ["exact"]}
