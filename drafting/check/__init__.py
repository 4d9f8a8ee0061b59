"""Check: UN formatting rules over the one AKN model, for CI, pre-commit and editors.

One module per family of rules (``numbering``, ``headings``, ``footnotes``, ``masthead``,
``resolutions``, ``typography``, ``dates``, ``length``, ``versions``); each rule is a small
function registered under a rule id (``UN101``) in ``registry``. ``runner`` reads the files and
applies the rules (in worker processes for many files), ``formats`` prints the findings as text,
JSON, GitHub workflow annotations or SARIF 2.1.0, ``fix`` rewrites what is safe to rewrite.

Nothing heavy is imported here so that ``drafting --help`` stays fast.
"""
