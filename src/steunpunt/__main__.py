"""Entry point for ``python -m steunpunt``."""

from steunpunt.cli import main

raise SystemExit(main())
