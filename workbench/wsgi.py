"""WSGI entry point (gunicorn workbench.wsgi)."""

from __future__ import annotations

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")

application = get_wsgi_application()
# What is loaded by now (Django, the apps, the settings) lives as long as the worker: frozen out
# of the collector's generations, a full collection no longer walks it. Pages that build many
# objects (the agreement page's 8,000 spans at the scale bench) trigger full collections; with
# the start-up heap in them those were the slow tail (bench/README.md, issue 18 part 3).
gc.freeze()
