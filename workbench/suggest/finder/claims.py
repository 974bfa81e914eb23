"""Check-worthy sentences: rank sentences by how much a fact-checker would want to check them.

A transparent linear score over features that the claim-detection literature (ClaimBuster,
CheckThat!) finds predictive: numbers and statistics, comparisons and superlatives, causal and
change verbs, attribution, named things; minus questions, opinions and first-person hedges.
"""

from __future__ import annotations

import math
import re


def _any_word(words: str, flags: int = re.I) -> re.Pattern[str]:
    """Match any of the space-separated words or phrases as whole words."""
    alternatives = "|".join(w.replace("_", " ") for w in words.split())
    return re.compile(rf"\b(?:{alternatives})\b", flags)


_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion"
    r"|trillion|dozen|half|third|quarter)\b",
    re.I,
)
_STAT = re.compile(
    r"%|\bper ?cent\b|\bpercentage\b|[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:million|billion|trillion|bn|m)\b"
    r"|\brate\b|\baverage\b|\bmedian\b|\bpoll\b|\bsurvey\b|\bstatistic",
    re.I,
)
_COMPARE = _any_word(
    """more less fewer higher lower larger smaller bigger greater most least largest highest
    lowest biggest fastest worst best record doubled tripled halved increase increased
    increases decrease decreased decreases rose risen fell fallen grew grown decline declined
    dropped surged soared plunged than compared times_as twice outnumbered outnumber"""
)
_CAUSAL = _any_word(
    """because due_to cause caused causing led_to leads_to result_in resulted_in results_in
    as_a_result responsible_for blamed linked_to killed died dead injured arrested elected voted
    passed signed banned approved rejected won lost"""
)
_ATTRIBUTED = _any_word(
    "said says according_to reported announced claimed stated confirmed told estimated found showed"
)
_FACTUAL = _any_word("is are was were has have had will")
_NAMED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_OPINION = _any_word(
    """I_think I_believe I_feel in_my_view in_my_opinion should ought must hope wish beautiful
    terrible awful wonderful great love hate amazing horrible disgusting shame sad happy perhaps
    maybe might could seem seems appear appears"""
)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def checkworthiness(sentence: str) -> float:
    """Return a score in [0, 1] for one sentence; 0 for questions and fragments."""
    words = sentence.split()
    if len(words) < 6 or sentence.rstrip().endswith("?") or len(words) > 80:
        return 0.0
    x = -2.2
    numbers = len(_NUMBER.findall(sentence)) - len(_YEAR.findall(sentence))
    x += min(numbers, 3) * 0.6
    x += 1.2 if _STAT.search(sentence) else 0.0
    x += min(len(_COMPARE.findall(sentence)), 2) * 0.5
    x += 0.6 if _CAUSAL.search(sentence) else 0.0
    x += 0.5 if _ATTRIBUTED.search(sentence) else 0.0
    x += 0.3 if _FACTUAL.search(sentence) else 0.0
    x += min(len(_NAMED.findall(sentence)), 3) * 0.2
    x -= min(len(_OPINION.findall(sentence)), 2) * 0.7
    x -= 0.6 if _FIRST_PERSON.search(sentence) else 0.0
    return 1.0 / (1.0 + math.exp(-x))
