"""Compare: paragraph-aligned differences between versions and language versions of a document.

Library entry points (the CLI and other areas call these):

- ``align_documents(old_root, new_root) -> Alignment``: two versions of one document;
- ``align_languages(a_root, b_root) -> LanguageAlignment``: two language versions;
- ``history(roots) -> History``: a chain of versions.
"""

from __future__ import annotations


def __getattr__(name):  # lazy: importing the package costs nothing until a function is used
    if name in ("align_documents", "align_items", "Alignment", "Pair", "KINDS"):
        from drafting.compare import align
        return getattr(align, name)
    if name in ("align_languages", "LanguageAlignment"):
        from drafting.compare import languages
        return getattr(languages, name)
    if name in ("history", "History"):
        from drafting.compare import history
        return getattr(history, name)
    raise AttributeError(name)
