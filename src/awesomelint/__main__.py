from __future__ import annotations

from awesomelint.cli import main

raise SystemExit(main())
