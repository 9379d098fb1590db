"""Run ``python -m annotator`` like the ``annotator`` command."""

from annotator.cli.main import main

raise SystemExit(main())
