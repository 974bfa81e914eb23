"""bench/peer_labelstudio.py: the tasks it posts to Label Studio carry the workload's spans."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"


def _peer():
    spec = importlib.util.spec_from_file_location(
        "peer_labelstudio", ROOT / "bench" / "peer_labelstudio.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "bench"))
    spec.loader.exec_module(module)
    return module


RECORD = {
    "id": 7,
    "title": "A title",
    "text": "Mayor said: no. Costs rose 5 percent.",
    "annotator": "bench",
    "spans": [
        {"start": 12, "end": 15, "label": "Quote", "text": "no."},
        {"start": 16, "end": 37, "label": "Claim", "text": "Costs rose 5 percent."},
    ],
}


def test_task_from_record_keeps_every_span_as_a_labelled_region_of_the_text():
    task = _peer().task_from_record(RECORD)
    assert task["data"] == {"text": RECORD["text"], "title": "A title", "article": 7}
    (annotation,) = task["annotations"]
    regions = annotation["result"]
    assert [(r["value"]["start"], r["value"]["end"]) for r in regions] == [(12, 15), (16, 37)]
    assert [r["value"]["labels"] for r in regions] == [["Quote"], ["Claim"]]
    for region in regions:
        value = region["value"]
        assert RECORD["text"][value["start"] : value["end"]] == value["text"]
        assert (region["from_name"], region["to_name"], region["type"]) == (
            "label",
            "text",
            "labels",
        )
    assert len({region["id"] for region in regions}) == 2


def test_label_config_names_the_regions_and_labels_the_tasks_use():
    peer = _peer()
    config = peer.LABEL_CONFIG
    assert '<Labels name="label" toName="text">' in config
    assert '<Text name="text" value="$text"/>' in config
    for label in ("Quote", "Claim"):
        assert f'<Label value="{label}"/>' in config


def test_batches_split_the_workload_as_http_bench_does(tmp_path):
    workload = tmp_path / "w.jsonl"
    subprocess.run(  # noqa: S603
        [sys.executable, str(GENERATOR), "23", str(workload)],
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=60,
    )
    lines = workload.read_text(encoding="utf-8").splitlines()
    batches = list(_peer().batches([*lines, ""], 10))
    assert [len(batch) for batch in batches] == [10, 10, 3]
    tasks = [task for batch in batches for task in batch]
    assert [task["data"]["article"] for task in tasks] == [json.loads(line)["id"] for line in lines]
    assert all(len(task["annotations"][0]["result"]) == 12 for task in tasks)


def _http_bench():
    spec = importlib.util.spec_from_file_location("http_bench", ROOT / "bench" / "http_bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "bench"))
    spec.loader.exec_module(module)
    return module


def test_http_bench_takes_label_studios_same_run_import_time_for_the_target():
    bench = _http_bench()
    same_run = bench.argparse.Namespace(n=10000, labelstudio_import=30.42)
    label_studio, targets = bench.peer_import(same_run)
    assert label_studio["API import"] == label_studio["API import as a job"] == 30.42
    assert targets["API import"] == ("s", 18.25)
    assert label_studio["export jsonl"] == bench.LABEL_STUDIO[10000]["export jsonl"]
    other_machine = bench.argparse.Namespace(n=10000, labelstudio_import=0.0)
    label_studio, targets = bench.peer_import(other_machine)
    assert (label_studio["API import"], targets["API import"]) == (11.6, ("s", 6.96))
