"""Run the ``lite`` command as ``python -m lite``."""

from lite.cli import main

raise SystemExit(main())
