from station_app.cli import main

raise SystemExit(main())
