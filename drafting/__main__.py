"""``python -m drafting``: the same command line as ``drafting``."""

from drafting.launch import main

if __name__ == "__main__":
    main()
