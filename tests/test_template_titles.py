"""Every page's <title> is text: no template puts markup in its title block (a stray </div>
there showed in the agreement page's browser tab)."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TITLE = re.compile(r"{%\s*block title\s*%}(.*?){%\s*endblock", re.S)


def test_no_title_block_holds_markup():
    found = {}
    for path in TEMPLATES.rglob("*.html"):
        for title in TITLE.findall(path.read_text(encoding="utf-8")):
            found[path.relative_to(TEMPLATES).as_posix()] = title
    assert len(found) > 20  # the pages' templates were read
    bad = {name: title for name, title in found.items() if "<" in title or "\n" in title.strip()}
    assert not bad
