"""The reviewers and leads of bench/load.py, as locust users (run by load.py, not by hand).

Reads the plan load.py prepared (LOAD_PLAN: people with their token, session and assigned
articles, the hot quotes) and writes one JSON line per edit to LOAD_OUTCOMES: which annotation,
the answer (200, 409, 412), and for 200 the version and value the client was told were saved.
Pages (queue, reader, search) go with the session cookie, as a browser's would; annotations and
assignments through the API with the person's token.
"""

# ruff: noqa: S311 - simulated people pick at random; nothing here is a secret
from __future__ import annotations

import itertools
import json
import os
import random
import threading

import gevent
from locust import HttpUser, between, constant, events, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"], encoding="utf-8").read())  # noqa: SIM115
OUTCOMES = open(os.environ["LOAD_OUTCOMES"], "a", encoding="utf-8")  # noqa: SIM115
PAUSE = (float(os.environ["LOAD_PAUSE_MIN"]), float(os.environ["LOAD_PAUSE_MAX"]))
_people = {
    "lead": itertools.cycle([p for p in PLAN["people"] if p["role"] == "lead"]),
    "reviewer": itertools.cycle([p for p in PLAN["people"] if p["role"] == "reviewer"]),
}
_lock = threading.Lock()
_counter = itertools.count(1)


def _wait():  # noqa: ANN202
    return between(*PAUSE) if PAUSE[1] > 0 else constant(0)


def record(annotation: int, status: int, *, version: int = 0, field: str = "", value: str = ""):  # noqa: ANN201
    line = {"id": annotation, "status": status, "version": version, "field": field, "value": value}
    OUTCOMES.write(json.dumps(line) + "\n")
    OUTCOMES.flush()


@events.quitting.add_listener
def _close(environment, **_kwargs):  # noqa: ANN001, ANN202
    OUTCOMES.close()


class Person(HttpUser):
    abstract = True
    wait_time = _wait()
    role = ""

    def on_start(self) -> None:
        with _lock:
            self.person = next(_people[self.role])
        self.client.cookies.set("sessionid", self.person["session"])
        self.api = {"Authorization": f"Bearer {self.person['token']}"}
        self.closed: set[int] = set()  # annotations the workbench refused to change: submitted

    def edit(self, annotation: int, version: int, *, name: str) -> int | None:
        """PATCH the quote's role against `version`; return the version now on file if known."""
        value = f"{self.person['name']} edit {next(_counter)}"
        headers = {**self.api, "If-Match": f'"{version}"'}
        with self.client.patch(
            f"/api/v1/annotations/{annotation}/",
            json={"role": value},
            headers=headers,
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                saved = response.json()["version"]
                record(annotation, 200, version=saved, field="role", value=value)
                response.success()
                return saved
            if response.status_code in (409, 412):
                # Someone saved it first: refused, as it must be; nothing of ours is on file.
                record(annotation, response.status_code)
                response.success()
                return None
            if response.status_code == 403 and '"submitted"' in response.text:
                # Approved or submitted meanwhile (a lead's approval, or an earlier step of the
                # run on the same database): refused as the workbench must; nothing changed.
                record(annotation, response.status_code)
                self.closed.add(annotation)
                response.success()
                return None
            response.failure(f"status {response.status_code}: {response.text[:200]}")
            return None

    def edit_twice_at_once(self, annotation: int, version: int, *, name: str) -> None:
        """Two tabs saving the same version at once: one is applied, the other refused."""
        both = [gevent.spawn(self.edit, annotation, version, name=name) for _ in range(2)]
        gevent.joinall(both)

    def version_of(self, annotation: int) -> int | None:
        response = self.client.get(
            f"/api/v1/annotations/{annotation}/", headers=self.api, name="annotation read"
        )
        return response.json()["version"] if response.status_code == 200 else None


class Reviewer(Person):
    weight = 9
    role = "reviewer"

    def on_start(self) -> None:
        super().on_start()
        self.open = list(self.person["assigned"])
        self.mine: dict[int, int] = {}  # annotation id -> version last seen

    @task(3)
    def queue(self) -> None:
        self.client.get("/review/queue/", name="queue")

    @task(5)
    def read(self) -> None:
        item = random.choice(self.person["assigned"])
        self.client.get(f"/articles/{item['article']}/", name="reader")

    @task(3)
    def create(self) -> None:
        if not self.open:
            return
        item = random.choice(self.open)
        start, end, exact = random.choice(item["spans"])
        with self.client.post(
            "/api/v1/annotations/",
            json={
                "article": item["article"],
                "kind": "quote",
                "start": start,
                "end": end,
                "exact": exact,
            },
            headers=self.api,
            name="annotation create",
            catch_response=True,
        ) as response:
            if response.status_code == 201:
                body = response.json()
                self.mine[body["id"]] = body["version"]
            elif response.status_code == 400 and "already" in response.text:
                response.success()  # the same span marked twice: refused, as it should be
            elif response.status_code == 403 and '"submitted"' in response.text:
                # Submitted in an earlier step of the run (the database is shared by the
                # steps): refused as the workbench must; the reviewer moves on.
                self.open = [i for i in self.open if i is not item]
                response.success()
            else:
                response.failure(f"status {response.status_code}: {response.text[:200]}")

    @task(3)
    def edit_mine(self) -> None:
        if not self.mine:
            return
        annotation = random.choice(list(self.mine))
        version = self.mine[annotation]
        if random.random() < 0.25:
            self.edit_twice_at_once(annotation, version, name="annotation edit")
            if annotation in self.closed:
                del self.mine[annotation]
                return
            self.mine[annotation] = self.version_of(annotation) or version
            return
        saved = self.edit(annotation, version, name="annotation edit")
        if annotation in self.closed:
            del self.mine[annotation]
            return
        self.mine[annotation] = saved or self.version_of(annotation) or version

    @task(1)
    def search(self) -> None:
        word = random.choice(PLAN["words"])
        self.client.get(f"/search/?q={word}", name="search")

    @task(1)
    def submit(self) -> None:
        # Submit one article's work now and then (a third of the queue over a three-minute run).
        if len(self.open) <= 1 or random.random() > 0.3:
            return
        item = self.open.pop(0)
        assignment = item["assignment"]
        got = self.client.get(
            f"/api/v1/assignments/{assignment}/", headers=self.api, name="assignment read"
        )
        if got.status_code != 200:
            return
        with self.client.post(
            f"/api/v1/assignments/{assignment}/submit/",
            headers={**self.api, "If-Match": f'"{got.json()["version"]}"'},
            name="submit",
            catch_response=True,
        ) as response:
            # 400: nothing marked on that article yet, which the workbench refuses to submit.
            if response.status_code in (200, 400):
                response.success()


class Lead(Person):
    # One lead per ten people (LOAD_LEADS), whatever the weights would give.
    fixed_count = int(
        os.environ.get("LOAD_LEADS") or sum(1 for p in PLAN["people"] if p["role"] == "lead")
    )
    role = "lead"

    def on_start(self) -> None:
        super().on_start()
        # A lead starts by looking at (and touching up) one of the quotes everyone edits.
        self.edit_hot()

    @task(2)
    def approve(self) -> None:
        listed = self.client.get(
            "/api/v1/assignments/?state=submitted&page_size=20",
            headers=self.api,
            name="submitted list",
        )
        items = listed.json().get("results", []) if listed.status_code == 200 else []
        if not items:
            return
        item = random.choice(items)
        with self.client.post(
            f"/api/v1/assignments/{item['id']}/approve/",
            headers={**self.api, "If-Match": f'"{item["version"]}"'},
            name="approve",
            catch_response=True,
        ) as response:
            # Another lead decided it first: 409/412 is the right answer.
            if response.status_code in (200, 409, 412):
                response.success()

    @task(3)
    def edit_hot(self) -> None:
        annotation = random.choice(PLAN["hot"])
        version = self.version_of(annotation)
        if version is None:
            return
        if random.random() < 0.5:
            self.edit_twice_at_once(annotation, version, name="hot edit")
        else:
            self.edit(annotation, version, name="hot edit")

    @task(1)
    def read(self) -> None:
        self.client.get(f"/projects/{PLAN['project']}/", name="project page")
