"""The one exception class for errors a user can cause, and how every error becomes one line."""

from __future__ import annotations

import errno

ISSUES_URL = "https://github.com/un-drafting/drafting/issues"

# Failures of the user's machine or of the paths given, never of the toolkit: a full disk, a
# read-only file system, a name too long, a path through a file, no permission.
ENVIRONMENT_ERRNOS = frozenset({
    errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.ENAMETOOLONG, errno.ENOTDIR, errno.EISDIR,
    errno.EACCES, errno.EPERM, errno.ENOENT, errno.EEXIST, errno.ELOOP, errno.EFBIG, errno.EMFILE,
    errno.ENFILE, errno.EXDEV, errno.EBUSY, errno.ETXTBSY, errno.EIO, errno.ENXIO, errno.ENODEV,
    errno.EINVAL,
})


class DraftingError(Exception):
    """A user error: shown by the CLI as one clear line, exit code 2."""


def one_line(message: str) -> str:
    """A message on one line: its lines joined, control characters shown as escapes."""
    parts = [" ".join(line.split()) for line in str(message).splitlines()]
    text = "; ".join(p for p in parts if p)
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def environment_error(exc: OSError) -> DraftingError | None:
    """The user error an OSError stands for (disk full, read-only, ...), or None for a bug."""
    if exc.errno not in ENVIRONMENT_ERRNOS:
        return None
    where = exc.filename if exc.filename is not None else ""
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        reason += " (the disk is full; nothing was written)"
    elif exc.errno == errno.EROFS:
        reason += " (nothing was written)"
    return DraftingError(f"{where}: {reason}" if where != "" else reason)


def user_error(exc: BaseException) -> DraftingError | None:
    """The user error an exception stands for; None when it is a bug of the toolkit. The CLI
    turns it into its one line; a batch, into one document's failure."""
    if isinstance(exc, DraftingError):
        return exc
    if isinstance(exc, OSError):
        return environment_error(exc)
    if isinstance(exc, RecursionError):
        return DraftingError("the input is nested too deeply to be read (recursion limit)")
    if isinstance(exc, MemoryError):
        return DraftingError("the input needs more memory than is available (split it, or lower --max-mb)")
    return None


class InvalidDocument(DraftingError):
    """An input that is not valid (foreign Akoma Ntoso): its findings, one line each, as
    ``validate`` prints them; the CLI exits 1 where 1 means "findings" and 2 elsewhere."""

    def __init__(self, summary: str, lines: list[str]) -> None:
        super().__init__(summary)
        self.lines = lines
