import sys

from dreamphases.cli import main

sys.exit(main())
