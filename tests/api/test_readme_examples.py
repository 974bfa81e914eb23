"""Run the curl examples of the README's API section against a live server, with real curl."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import need
from workbench.accounts.services import api_token_create

pytestmark = pytest.mark.django_db(transaction=True)

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
VARIABLE = re.compile(r"\$\{?([A-Z]+)\}?")
# Which variable the `id` of a POST's answer becomes, by the path it was posted to.
CREATES = {
    "/api/v1/articles/": "ARTICLE",
    "/api/v1/entities/": "ENTITY",
    "/api/v1/annotations/": "ANNOTATION",
}


def api_section() -> str:
    """Return the README's "## API" section."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## API\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def curl_blocks(text: str) -> list[str]:
    """Return the ```sh blocks that are curl commands, continuation lines joined."""
    blocks = [block.replace("\\\n", " ").strip() for block in BLOCK.findall(text)]
    return [block for block in blocks if block.startswith("curl ")]


def substitute(arg: str, variables: dict[str, str]) -> str:
    def value(match: re.Match) -> str:
        assert match.group(1) in variables, f"the docs use ${match.group(1)}, unknown to the test"
        return variables[match.group(1)]

    return VARIABLE.sub(value, arg)


def test_docs_have_the_promised_examples():
    commands = curl_blocks(api_section())
    joined = "\n".join(commands)
    assert len(commands) >= 7
    for needle in ("/api/v1/projects/", "If-Match", "/export/?format=jsonl", '"kind": "quote"'):
        assert needle in joined


def test_readme_curl_examples_run(world, live_server, tmp_path):
    curl = shutil.which("curl")
    need(curl is not None, "curl is not installed")
    _token, secret = api_token_create(user=world.lead, name="readme")
    variables = {"BASE": live_server.url, "TOKEN": secret, "PROJECT": str(world.project.pk)}
    for command in curl_blocks(api_section()):
        args = [substitute(arg, variables) for arg in shlex.split(command)]
        args = [curl, "-sS", "--max-time", "30", "-w", "\n%{http_code}", *args[1:]]
        result = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path, check=False)  # noqa: S603
        body, _, code = result.stdout.rpartition("\n")
        assert result.returncode == 0, (command, result.stderr)
        assert code.startswith("2"), (command, code, body)
        method = args[args.index("-X") + 1] if "-X" in args else "GET"
        path = next((a for a in args if a.startswith(live_server.url)), "")[len(live_server.url) :]
        if method == "POST" and path in CREATES:
            variables[CREATES[path]] = str(json.loads(body)["id"])
    assert {"ARTICLE", "ENTITY", "ANNOTATION"} <= set(variables)
    exported = (tmp_path / "dataset.jsonl").read_text(encoding="utf-8").splitlines()
    assert any("Bridge to open in May" in line for line in exported)
