"""`python -m assistant.cli`: the same as the `shopassist` command."""

from assistant.cli import main

raise SystemExit(main())
