"""``python -m rashomon``: the same command line as the ``rashomon`` script."""

from rashomon.cli import main

# Guarded: ``ingest --workers`` spawns processes that import this module again.
if __name__ == "__main__":
    main()
