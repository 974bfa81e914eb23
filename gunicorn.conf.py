"""gunicorn's settings for the workbench, read from the environment (README "Deployment").

gunicorn reads this file when started from the project's folder. Each worker is a process with
GUNICORN_THREADS threads; every thread keeps its own database connection (DJANGO_CONN_MAX_AGE),
so the database sees workers × threads connections per app server.
"""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread" if threads > 1 else "sync"
# Long enough for a 10,000-line import or a large export; the proxy's own timeout must be longer.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 300))
graceful_timeout = 30
# Longer than a reviewer's pause and than a load balancer's idle timeout (often 60 s): a
# connection the server closes just as the client reuses it is a reset the user sees.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 75))
# A fresh process now and then keeps a slow leak from growing; jitter spreads the restarts.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"


def post_worker_init(worker: object) -> None:
    """Load the claim-match encoder (90 MB, about a second) beside the worker's first requests.

    Otherwise the first match of each worker, for example the first article whose sentences
    are ranked, waits for the load.
    """
    from workbench.factchecks.ranker.embed import warm_encoder

    warm_encoder()
