import sys

from sync.center.cli import main

sys.exit(main())
