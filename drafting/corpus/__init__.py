"""The corpus: every paragraph of every document in one SQLite index, to answer a drafter's first
question about a draft, "where does this wording come from?" (``trace``), and to find agreed
language by words (``search``). ``batch`` runs a per-document task over many files on all cores
or on a Dask cluster; the index and the other batch commands use it.

Data flows one way: files -> ``extract`` (in worker processes, plain data out) -> ``index``
(SQLite, in the parent only) -> ``trace`` / ``search`` -> ``report``.
"""
