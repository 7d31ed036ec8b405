import sys

from speechast.cli import main

sys.exit(main())
