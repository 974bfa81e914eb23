from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SAMPLE, SHARED, need
from tests.exports.conftest import BODY, REVISION_3, export_bytes
from workbench.annotations.models import Annotation
from workbench.articles.services import body_checksum
from workbench.demo.seed import seed_demo

pytestmark = pytest.mark.django_db

VALIDATOR = SHARED / "tools" / "w3c_validate.py"


def _validate(path) -> subprocess.CompletedProcess:
    need(VALIDATOR.exists(), f"the shared W3C validator is missing at {VALIDATOR}")
    return subprocess.run(  # noqa: S603 - this venv's python on the shared validator
        [sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=120
    )


def test_w3c_export_of_the_demo_project_passes_the_w3c_validator(tmp_path):
    need(SAMPLE.exists(), f"the demo's seed article is missing at {SAMPLE}")
    project, _ = seed_demo()
    assert Annotation.objects.filter(article__project=project).count() >= 7
    path = tmp_path / "demo.w3c.jsonld"
    path.write_bytes(export_bytes(project, "w3c"))
    result = _validate(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 failed assertions" in result.stdout
    # Every annotation of the project: the seed article's 7, the 6 of the article Rafael and
    # Sofia annotated blind, and the demo desk's.
    count = Annotation.objects.filter(article__project=project).count()
    assert f"{count} Annotation, 1 AnnotationCollection, 1 AnnotationPage" in result.stdout


def test_w3c_validator_rejects_a_broken_export(desk, tmp_path):
    # Proof that the check above can fail: an annotation without a target.
    document = json.loads(export_bytes(desk.world.project, "w3c"))
    del document["first"]["items"][0]["target"]
    path = tmp_path / "broken.jsonld"
    path.write_text(json.dumps(document))
    assert _validate(path).returncode == 1


def test_w3c_collection_carries_selectors_and_bodies(desk):
    document = json.loads(export_bytes(desk.world.project, "w3c"))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    assert document["id"] == "urn:factcheck-workbench:collection:desk:desk-project"
    items = document["first"]["items"]
    assert document["total"] == len(items) == 4
    assert document["first"]["type"] == "AnnotationPage"
    quote = items[1]
    checksum = desk.article.checksum
    assert quote["id"] == f"urn:factcheck-workbench:annotation:desk:desk-project:{checksum}:2"
    assert quote["type"] == "Annotation"
    assert quote["motivation"] == "identifying"
    assert quote["creator"] == {"type": "Person", "nickname": "reviewer"}
    assert quote["created"].endswith("Z")
    assert quote["target"]["source"] == "https://gazette.example/prices"
    text_quote, position = quote["target"]["selector"]
    assert text_quote["type"] == "TextQuoteSelector"
    # Stored without its quotation marks (issue 14, item 6).
    assert text_quote["exact"] == "Prices rose by 40 percent this year,"
    start = desk.quote.start
    assert text_quote["prefix"] == BODY[max(0, start - 32) : start]
    assert text_quote["suffix"].startswith('" said Jane Roe')
    assert position == {
        "type": "TextPositionSelector",
        "start": desk.quote.start,
        "end": desk.quote.end,
    }
    bodies = {(b.get("purpose"), b.get("value") or b.get("source")) for b in quote["body"]}
    assert ("classifying", "quote") in bodies
    assert ("identifying", "Jane Roe") in bodies
    assert ("identifying", "http://www.wikidata.org/entity/Q42") in bodies
    assert ("describing", "the mayor") in bodies
    claim = items[2]
    assert claim["motivation"] == "assessing"
    bodies = {(b.get("purpose"), b.get("value") or b.get("source")) for b in claim["body"]}
    assert ("assessing", "Mostly false") in bodies
    assert ("linking", "https://stats.example/cpi-2024") in bodies
    assert items[3]["motivation"] == "classifying"


def test_w3c_pasted_text_gets_a_stable_urn_as_source(desk):
    type(desk.article).objects.filter(pk=desk.article.pk).update(url="")
    document = json.loads(export_bytes(desk.world.project, "w3c"))
    source = document["first"]["items"][0]["target"]["source"]
    assert source == f"urn:factcheck-workbench:article:{desk.article.checksum}"


def test_w3c_status_filter_and_total_agree(desk):
    document = json.loads(export_bytes(desk.world.project, "w3c", status="approved"))
    assert document["total"] == len(document["first"]["items"]) == 1
    assert document["id"].endswith(":approved")
    assert b"SECRET" not in export_bytes(desk.world.project, "w3c")


def test_w3c_selectors_read_each_annotations_revision_and_orphans_stay(revised, tmp_path):
    data = export_bytes(revised.world.project, "w3c")
    path = tmp_path / "revised.w3c.jsonld"
    path.write_bytes(data)
    result = _validate(path)
    assert result.returncode == 0, result.stdout + result.stderr
    document = json.loads(data)
    items = document["first"]["items"]
    assert document["total"] == len(items) == 5
    targets = [i["target"] for i in items]
    states = [
        (t["urn:factcheck-workbench:revision"], t["urn:factcheck-workbench:anchorState"])
        for t in targets
    ]
    assert states == [(3, "exact"), (3, "fuzzy"), (3, "fuzzy"), (1, "orphaned"), (2, "moved")]
    assert "urn:factcheck-workbench:anchorScore" not in targets[0]
    assert targets[1]["urn:factcheck-workbench:anchorScore"] == pytest.approx(0.933)
    revisions = {r.number: r for r in revised.article.revisions.all()}
    fuzzy, orphan = targets[1], targets[3]
    for target, number, text in ((fuzzy, 3, REVISION_3), (orphan, 1, BODY)):
        when = revisions[number].created.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert target["state"] == {"type": "TimeState", "sourceDate": when}
        quote, position = target["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
    assert orphan["selector"][0]["exact"] == "=SUM(A1) is what the council spreadsheet shows."
    assert orphan["source"] == fuzzy["source"] == "https://gazette.example/prices"


def test_w3c_orphan_of_pasted_text_names_its_revisions_text(revised):
    type(revised.article).objects.filter(pk=revised.article.pk).update(url="")
    items = json.loads(export_bytes(revised.world.project, "w3c"))["first"]["items"]
    current, orphan = items[1]["target"]["source"], items[3]["target"]["source"]
    assert current == f"urn:factcheck-workbench:article:{revised.article.checksum}"
    assert orphan == f"urn:factcheck-workbench:article:{body_checksum(BODY)}"
