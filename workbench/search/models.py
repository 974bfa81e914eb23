"""No models: the index lives in tables the ORM does not manage (see schema.py).

The module exists so that Django sends this app the pre_migrate and post_migrate signals.
"""

from __future__ import annotations
