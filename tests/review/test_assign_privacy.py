"""Assigning never tells a lead who is behind a user id: unknown ids and other teams' users are
refused alike, with one message that names nobody (issue 20, item 10)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import api_for
from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = "This user is not a reviewer of this team."


def test_api_assign_refuses_unknown_and_non_member_ids_alike(review):
    UserFactory(username="teamless-secret-name")
    stranger = UserFactory(username="stranger-secret-name")
    client = api_for(review.lead)
    answers = []
    for reviewer in (review.outsider.pk, stranger.pk, 999_999):
        response = client.post(
            reverse("api:assignment-list"),
            {"article": review.article.pk, "reviewer": reviewer},
            format="json",
        )
        assert response.status_code == status.HTTP_403_FORBIDDEN
        answers.append(response.json())
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["detail"] == MESSAGE


def test_api_distribute_names_no_one(review):
    response = api_for(review.lead).post(
        reverse("api:assignment-distribute"),
        {"project": review.project.pk, "reviewers": [review.outsider.pk]},
        format="json",
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert response.json()["detail"] == MESSAGE


def test_assign_form_refuses_unknown_and_non_member_ids_alike(review):
    client = client_for(review.lead)
    url = reverse("review:assignment_create", args=[review.article.pk])
    pages = []
    for reviewer in (review.outsider.pk, 999_999):
        response = client.post(url, {"reviewer": reviewer})
        assert response.status_code == status.HTTP_403_FORBIDDEN
        page = response.content.decode()
        assert MESSAGE in page
        assert "outsider" not in page
        pages.append(re.sub(r"[A-Za-z0-9]{64}", "", page))
    assert pages[0] == pages[1]
