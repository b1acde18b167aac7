"""``python -m lawgov_desktop.cli``: the same as the ``lawgov`` console script."""

from lawgov_desktop.cli.main import main

raise SystemExit(main())
