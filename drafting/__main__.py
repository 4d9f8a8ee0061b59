"""``python -m drafting``: the same command line as ``drafting``."""

from drafting.cli import main

if __name__ == "__main__":
    main()
