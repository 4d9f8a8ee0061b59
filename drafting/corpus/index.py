"""The corpus index: one SQLite file with every paragraph of every document.

Tables: ``documents`` (one row per file: path, mtime, size, content hash, symbol, language, date,
kind), ``paragraphs`` (document, position, part, number, eId, text id), ``texts`` (each distinct
paragraph text once, with its normalised form and MinHash signature: agreed language repeats from
session to session, so most paragraphs of a new resolution are stored once), ``texts_fts`` (FTS5
over the normalised texts) and ``lsh`` (the LSH band keys of each text).

Writes happen in one transaction taken at the start (``BEGIN IMMEDIATE``): a second process
indexing into the same file is refused with a clear line instead of waiting or interleaving, and
a run that fails half-way leaves the index as it was (write-ahead log: readers go on meanwhile).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from drafting.errors import DraftingError

FORMAT_VERSION = 1
LOCK_TIMEOUT = 2.0  # seconds to wait for another process's write before refusing

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, mtime REAL NOT NULL, size INTEGER NOT NULL,
    hash TEXT NOT NULL, symbol TEXT, language TEXT, date TEXT, kind TEXT, title TEXT);
CREATE TABLE texts (
    id INTEGER PRIMARY KEY, digest TEXT UNIQUE NOT NULL, text TEXT NOT NULL, norm TEXT NOT NULL,
    sig BLOB NOT NULL);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, part TEXT NOT NULL, number TEXT, eid TEXT,
    text_id INTEGER NOT NULL REFERENCES texts(id));
CREATE INDEX paragraphs_doc ON paragraphs(doc_id);
CREATE INDEX paragraphs_text ON paragraphs(text_id);
CREATE TABLE lsh (key INTEGER NOT NULL, text_id INTEGER NOT NULL);
CREATE INDEX lsh_key ON lsh(key);
CREATE VIRTUAL TABLE texts_fts USING fts5(norm, content='texts', content_rowid='id');
"""


def _corrupt(path, exc) -> DraftingError:
    return DraftingError(f"{path}: not a readable corpus index ({exc}); delete it and run "
                         f"`drafting corpus index` again")


def connect(path: str | os.PathLike, create: bool = False) -> sqlite3.Connection:
    """Open an index. ``create``: make an empty one if the file does not exist (or rebuild one
    of an older format); otherwise a missing, corrupt or foreign file is one clear error."""
    p = Path(path)
    if not create and not p.exists():
        raise DraftingError(f"{p}: no corpus index here; make one with `drafting corpus index DIR --db {p}`")
    if p.is_dir():
        raise DraftingError(f"{p}: is a folder, not a corpus index file")
    conn = sqlite3.connect(str(p), timeout=LOCK_TIMEOUT, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        version = _version(conn)
        if version is None and create:
            _create(conn)
        elif version is None:
            raise DraftingError(f"{p}: not a corpus index (no format version); "
                                f"make one with `drafting corpus index`")
        elif version != FORMAT_VERSION:
            if create and version < FORMAT_VERSION:
                _drop_all(conn)
                _create(conn)
            else:
                raise DraftingError(
                    f"{p}: corpus index format {version}, this drafting reads format "
                    f"{FORMAT_VERSION}; rebuild it with `drafting corpus index` (a newer index "
                    f"needs a newer drafting)")
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise busy(p) from None
        raise _corrupt(p, exc) from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _corrupt(p, exc) from None
    except DraftingError:
        conn.close()
        raise
    return conn


def busy(path) -> DraftingError:
    return DraftingError(f"{path}: another process is writing this corpus index; "
                         f"run again when it has finished")


def _version(conn) -> int | None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if "meta" not in tables:
        raise sqlite3.DatabaseError("a SQLite file of something else")
    row = conn.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise sqlite3.DatabaseError("no format version")
    return int(row[0])


def _create(conn) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('format_version', ?)", (str(FORMAT_VERSION),))
    conn.execute("COMMIT")


def _drop_all(conn) -> None:
    conn.execute("BEGIN IMMEDIATE")
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%fts_%'")]
    for name in names:
        conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    conn.execute("COMMIT")


def begin_write(conn, path) -> None:
    """Take the write lock now, for the whole run (see the module docstring)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise busy(path) from None
        raise _corrupt(path, exc) from None


def text_digest(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def store_document(conn, path: str, mtime: float, size: int, record: dict) -> None:
    """Insert one document (replacing an earlier row of the same path) with its paragraphs."""
    conn.execute("DELETE FROM documents WHERE path = ?", (path,))
    cur = conn.execute(
        "INSERT INTO documents (path, mtime, size, hash, symbol, language, date, kind, title) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (path, mtime, size, record["hash"], record["symbol"], record["language"], record["date"],
         record["kind"], record["title"]))
    doc_id = cur.lastrowid
    rows = []
    for position, para in enumerate(record["paragraphs"]):
        rows.append((doc_id, position, para["part"], para["number"], para["eid"], _text_id(conn, para)))
    conn.executemany("INSERT INTO paragraphs (doc_id, position, part, number, eid, text_id) "
                     "VALUES (?, ?, ?, ?, ?, ?)", rows)


def _text_id(conn, para: dict) -> int:
    digest = text_digest(para["text"])
    row = conn.execute("SELECT id FROM texts WHERE digest = ?", (digest,)).fetchone()
    if row:
        return row[0]
    text_id = conn.execute("INSERT INTO texts (digest, text, norm, sig) VALUES (?, ?, ?, ?)",
                           (digest, para["text"], para["norm"], para["sig"])).lastrowid
    conn.execute("INSERT INTO texts_fts (rowid, norm) VALUES (?, ?)", (text_id, para["norm"]))
    conn.executemany("INSERT INTO lsh (key, text_id) VALUES (?, ?)", [(k, text_id) for k in para["keys"]])
    return text_id


def delete_documents(conn, paths) -> None:
    conn.executemany("DELETE FROM documents WHERE path = ?", [(p,) for p in paths])


def drop_orphan_texts(conn) -> None:
    """Texts no paragraph uses any more (their documents changed or went away)."""
    orphans = conn.execute("SELECT id, norm FROM texts WHERE id NOT IN "
                           "(SELECT DISTINCT text_id FROM paragraphs)").fetchall()
    if not orphans:
        return
    conn.executemany("INSERT INTO texts_fts (texts_fts, rowid, norm) VALUES ('delete', ?, ?)", orphans)
    conn.executemany("DELETE FROM texts WHERE id = ?", [(i,) for i, _ in orphans])
    conn.execute("DELETE FROM lsh WHERE text_id NOT IN (SELECT id FROM texts)")  # one pass


def known_documents(conn) -> dict[str, tuple]:
    """path -> (mtime, size, hash) of every indexed file."""
    return {r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT path, mtime, size, hash FROM documents")}


def touch_document(conn, path: str, mtime: float, size: int) -> None:
    conn.execute("UPDATE documents SET mtime = ?, size = ? WHERE path = ?", (mtime, size, path))


def index_files(db, files, roots=(), *, jobs=None, scheduler=None, quiet=False, fmt=None,
                lang=None):
    """Bring the index at ``db`` up to date with ``files``: only new or changed files are read
    (a file whose mtime and size are unchanged is not opened; one whose content hash is unchanged
    is not parsed); indexed files under ``roots`` that are gone are dropped.
    Returns (batch summary, {"read", "unchanged", "removed"})."""
    from drafting.corpus import batch
    from drafting.corpus.extract import document_record, file_digest

    address = batch.scheduler_address(scheduler)
    if address:  # a cluster that does not answer: refused before the index is touched
        batch.connect(address).close()
    conn = connect(db, create=True)
    summary = batch.Summary()
    try:
        begin_write(conn, db)
        known = known_documents(conn)
        todo, stats, unchanged = [], {}, 0
        current = set()
        for name in files:
            path = str(Path(name).resolve())
            current.add(path)
            try:
                st = os.stat(path)
            except OSError as exc:
                summary.failed.append((name, f"{name}: {exc.strerror}"))
                continue
            old = known.get(path)
            if old and old[0] == st.st_mtime and old[1] == st.st_size:
                unchanged += 1
                continue
            if old:
                try:
                    with open(path, "rb") as fh:
                        same = file_digest(fh.read()) == old[2]
                except OSError as exc:
                    summary.failed.append((name, f"{name}: {exc.strerror}"))
                    continue
                if same:
                    touch_document(conn, path, st.st_mtime, st.st_size)
                    unchanged += 1
                    continue
            todo.append(path)
            stats[path] = (st.st_mtime, st.st_size)
        resolved_roots = [str(Path(r).resolve()) + os.sep for r in roots]
        gone = [p for p in known if p not in current and any(p.startswith(r) for r in resolved_roots)]
        delete_documents(conn, gone)
        for outcome in batch.run(document_record, todo, (fmt, lang), jobs=jobs, scheduler=scheduler,
                                 quiet=quiet, label="indexing", summary=summary):
            if outcome.error is None:
                store_document(conn, outcome.name, *stats[outcome.name], outcome.value)
            elif outcome.name in known:  # unreadable now: its old paragraphs are not its text
                delete_documents(conn, [outcome.name])
        if gone or any(p in known for p in todo):
            drop_orphan_texts(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return summary, {"read": summary.done, "unchanged": unchanged, "removed": len(gone)}
