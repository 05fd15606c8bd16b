from thbdesk.cli import main

raise SystemExit(main())
