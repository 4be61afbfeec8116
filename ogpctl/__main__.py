from ogpctl.cli import main

raise SystemExit(main())
