"""Check: UN formatting rules over the one AKN model, for CI, pre-commit and editors.

One module per family of rules (``numbering``, ``headings``, ``footnotes``, ``masthead``,
``resolutions``, ``typography``, ``dates``, ``length``, ``versions``); each rule is a small
function registered under a rule id (``UN101``) in ``registry``. ``runner`` reads the files and
applies the rules (in worker processes for many files), ``formats`` prints the findings as text,
JSON, GitHub workflow annotations or SARIF 2.1.0, ``fix`` rewrites what is safe to rewrite.

Nothing heavy is imported here so that ``drafting --help`` stays fast.
"""

from __future__ import annotations


def check_tree(root, *, select=None, ignore=None, lang: str | None = None, config=None,
               path: str = "", text: str | None = None, format: str = "akn",
               diagnostics=(), source_lines=None) -> list:
    """The findings of the single-document rules on an AKN tree, sorted by place.

    ``select``/``ignore``: rule ids or prefixes (``["UN1", "UN606"]``); ``config``: a
    ``drafting.check.document.Config`` (settings as a file gives them). A reader's
    ``ReadResult`` carries ``diagnostics`` and ``source_lines``; with ``text`` (the source
    of a text or Markdown input, ``format="text"``) findings point into it by line and column.
    """
    from drafting.check.document import Config
    from drafting.check.findings import Finding
    from drafting.check.registry import enabled_rules
    from drafting.check.runner import apply_rules, document
    config = config or Config()
    if lang:
        config.lang = lang
    rules = enabled_rules(select or config.select, ignore or config.ignore)
    doc = document(root, config, path=path, format=format, diagnostics=diagnostics,
                   source_lines=source_lines, text=text)
    return sorted(apply_rules(doc, rules), key=Finding.sort_key)
