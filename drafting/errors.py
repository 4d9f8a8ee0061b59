"""The one exception class for errors a user can cause."""


class DraftingError(Exception):
    """A user error: shown by the CLI as one clear line, exit code 2."""
