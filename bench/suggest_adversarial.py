"""The finder's time on adversarial texts of 2,000 and 8,000 words (issue 15's rule passes).

    uv run python bench/suggest_adversarial.py

Each rule pass adds regular expressions; one with an unbounded run of capitalised words made a
text in capitals quadratic (8,000 words: 10.5 s of CPU instead of 0.18 s) until its run was
bounded. This prints the CPU seconds for a named body, then a run of words in capitals (the case
that was quadratic: 2k words 0.74 s, 8k 10.5 s), then "The fire service said …"; and for runs of
quotation marks mixed with the words the rules look for, in capitals, title case and mixed case, in
short sentences and run on. A ratio 8k / 2k near 4 is linear; the runs with no sentence end are
superlinear since before the passes (about 11), bounded in the app by
WORKBENCH_SUGGEST_MAX_CHARS and the finder's time budget.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.suggest.finder import engine  # noqa: E402

WORDS = [
    "Norland", "Vale", "road", "bridge", "council", "said", "mayor", "water", "Service", "Fire",
    "police", "of", "and", "the", "“", "”", '"', ",", "agency", "Minister", "Secretary-General",
    "according", "to", "told", "which", "WHO", "UN", "called", "Jr.", "U.S.",
]  # fmt: skip
PLAIN = ["NORLAND", "VALE", "ROAD", "BRIDGE", "COUNCIL", "MAYOR", "WATER", "SERVICE", "FIRE"]


def text_of(kind: str, n: int, rng: random.Random) -> str:
    pick = lambda: rng.choice(WORDS)  # noqa: E731
    if kind == "capitals":
        body = " ".join(rng.choice(PLAIN) for _ in range(n))
    elif kind == "capitals, all":
        body = " ".join(pick().upper() for _ in range(n))
    elif kind == "title case":
        body = " ".join(pick().capitalize() for _ in range(n))
    elif kind == "mixed":
        body = " ".join(pick() for _ in range(n))
    elif kind == "sentences":
        body = " ".join(" ".join(pick() for _ in range(12)) + "." for _ in range(n // 12))
    else:
        body = " ".join(rng.choice(["word", "Name", "said", "that", "the"]) for _ in range(n))
    return (
        "East Norland Fire and Rescue Service crews arrived. "
        + body
        + ". The fire service said the road was closed. “It is closed,” the fire service said."
    )


def main() -> None:
    rng = random.Random(1)  # noqa: S311 (test texts, not secrets)
    for kind in ("capitals", "capitals, all", "title case", "mixed", "sentences", "run on"):
        seconds = []
        for n in (2_000, 8_000):
            text = text_of(kind, n, rng)
            start = time.process_time()
            engine.suggest(text)
            seconds.append(time.process_time() - start)
        ratio = seconds[1] / max(seconds[0], 1e-3)
        print(f"{kind:13}  2k words {seconds[0]:.2f} s  8k words {seconds[1]:.2f} s", end="")
        print(f"  ratio {ratio:.1f}")


if __name__ == "__main__":
    main()
