"""``python -m rashomon``: the same command line as the ``rashomon`` script."""

from rashomon.cli import main

main()
