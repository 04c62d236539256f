"""The frozen program's entry point: the same command line as ``python -m steunpunt``."""

from steunpunt.cli import main

raise SystemExit(main())
