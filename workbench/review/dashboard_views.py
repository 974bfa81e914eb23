"""Pages for leads and teams: reviewer agreement, the project dashboard, what needs attention.

Who sees what: the agreement page is for leads only (it sets reviewers' work side by side, so
it must not reach reviewers while they work blind); the dashboard is for every member, but
per-reviewer figures show a non-lead only their own row; "needs your attention" is for leads.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from workbench.accounts.models import Role
from workbench.accounts.services import require_lead, require_role
from workbench.articles.selectors import project_list
from workbench.http import HtmxHttpRequest
from workbench.paging import page_notices
from workbench.review.agreement import MIN_OVERLAP
from workbench.review.dashboard_charts import agreement_charts, dashboard_charts
from workbench.review.dashboard_selectors import (
    LOW_AGREEMENT,
    OVERDUE_AFTER,
    lead_attention,
    project_agreement_report,
    project_dashboard,
)
from workbench.review.forms import AgreementForm
from workbench.suggest.selectors import project_ranker_get

ARTICLES_PER_PAGE = 50


@require_GET
def agreement_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_lead(user=request.user, team=project.team)
    report = project_agreement_report(project=project, user=request.user)
    form = AgreementForm(request.GET)
    number = (form.cleaned_data["page"] if form.is_valid() else None) or 1
    # The article table grows with the double-reviewed articles: a page of the lowest first,
    # since rendering a row (and its per-article alpha) costs more than computing its tally.
    articles = Paginator(report.articles, ARTICLES_PER_PAGE).get_page(number)
    context = {
        "project": project,
        "report": report,
        "articles": articles,
        # Said from the page shown: a page that is no number and one past the end alike.
        "notices": page_notices(request.GET.get("page"), articles),
        "charts": agreement_charts(report),
        "min_overlap": MIN_OVERLAP,
    }
    return render(request, "review/agreement.html", context)


@require_GET
def dashboard_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    me = require_role(user=request.user, team=project.team, roles=tuple(Role.values))
    dashboard = project_dashboard(project=project, viewer=me)
    # The check-worthiness ranker's last training is the lead's to judge (and retrain).
    ranker = project_ranker_get(project=project) if me.is_lead else None
    context = {"project": project, "me": me, "dashboard": dashboard, "ranker": ranker}
    return render(
        request, "review/dashboard.html", {**context, "charts": dashboard_charts(dashboard)}
    )


@require_GET
def attention_view(request: HtmxHttpRequest) -> HttpResponse:
    membership = request.membership
    # A lazy object: `is None` would never be true, its truth value is the membership's.
    if not membership:
        raise PermissionDenied(_("You are not in a team yet."))
    require_lead(user=request.user, team=membership.team)
    context = {
        "team": membership.team,
        "attention": lead_attention(team=membership.team),
        "low_agreement": LOW_AGREEMENT,
        "overdue_days": OVERDUE_AFTER.days,
    }
    template = "review/attention.html" + ("#attention" if request.htmx else "")
    return render(request, template, context)
