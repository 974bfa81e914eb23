#!/usr/bin/env python
"""Django's command-line utility for the Fact-check Workbench."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
    # manage.py is the developer's entry point (demo, import, export); production servers start
    # through workbench.wsgi / workbench.asgi, which do not default to DEBUG and so fail loudly
    # without DJANGO_SECRET_KEY. Set DJANGO_DEBUG=false to run commands in production mode.
    if sys.argv[1:2] == ["demo"]:
        # The demo runs as production does (DEBUG off: the real error pages, never a traceback
        # to the network), with a secret key kept in a git-ignored file (see settings).
        os.environ.setdefault("WORKBENCH_DEMO", "true")
        os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
