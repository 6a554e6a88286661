"""Link results kept in SQLite, so a second run over the same list makes no requests.

Each status lives as long as it is likely to stay true: a working link for a day, a broken
one for an hour (it may be fixed, or it was a blip). The database may be shared by several
processes at once (pre-commit runs hooks in parallel): WAL mode and a busy timeout keep
concurrent readers and writers from failing.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from awesomelint.linkcheck.arxiv_api import ArxivPaper
from awesomelint.linkcheck.status import LinkResult, LinkStatus

TTL_SECONDS = {
    LinkStatus.OK: 24 * 3600,
    LinkStatus.REDIRECTED: 24 * 3600,
    LinkStatus.BROKEN: 3600,
    LinkStatus.UNKNOWN: 3600,
}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS link_results (
    url TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    detail TEXT NOT NULL,
    code INTEGER,
    location TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    checked_at REAL NOT NULL
)
"""


# A paper's title rarely changes once it is on arXiv; an unknown ID is asked again sooner,
# since a list may link a paper minutes after its submission, before it is announced.
PAPER_TTL_SECONDS = 30 * 24 * 3600
UNKNOWN_PAPER_TTL_SECONDS = 24 * 3600
_PAPER_SCHEMA = """
CREATE TABLE IF NOT EXISTS arxiv_papers (
    identifier TEXT PRIMARY KEY,
    title TEXT,
    withdrawn INTEGER NOT NULL,
    checked_at REAL NOT NULL
)
"""


def default_cache_path() -> Path:
    """The user cache directory: XDG on Linux, ~/Library/Caches on macOS, LOCALAPPDATA on Windows."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "awesomelint" / "links.sqlite3"


class LinkCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        self._connection.execute("PRAGMA busy_timeout = 30000")
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.execute(_SCHEMA)
        self._connection.execute(_PAPER_SCHEMA)

    def get_many(self, urls: Iterable[str], *, now: float | None = None) -> dict[str, LinkResult]:
        """Fresh results for the URLs that have one."""
        moment = time.time() if now is None else now
        wanted = list(urls)
        found: dict[str, LinkResult] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = (
                "SELECT url, status, detail, code, location, archived, checked_at "
                f"FROM link_results WHERE url IN ({marks})"
            )
            rows = self._connection.execute(query, chunk)
            for url, status, detail, code, location, archived, checked_at in rows:
                kind = LinkStatus(status)
                if moment - checked_at <= TTL_SECONDS.get(kind, 0):
                    found[url] = LinkResult(url, kind, detail, code, location, bool(archived), from_cache=True)
        return found

    def put_many(self, results: Iterable[LinkResult], *, now: float | None = None) -> None:
        moment = time.time() if now is None else now
        rows = [
            (
                result.url,
                result.status.value,
                result.detail,
                result.code,
                result.location,
                int(result.archived),
                moment,
            )
            for result in results
            if result.status in TTL_SECONDS and not result.from_cache
        ]
        if not rows:
            return
        with self._connection:
            self._connection.execute("BEGIN IMMEDIATE")
            self._connection.executemany(
                "INSERT OR REPLACE INTO link_results VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def get_papers(self, identifiers: Iterable[str], *, now: float | None = None) -> dict[str, ArxivPaper]:
        moment = time.time() if now is None else now
        wanted = list(identifiers)
        found: dict[str, ArxivPaper] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT identifier, title, withdrawn, checked_at FROM arxiv_papers WHERE identifier IN ({marks})"
            for identifier, title, withdrawn, checked_at in self._connection.execute(query, chunk):
                lifetime = PAPER_TTL_SECONDS if title is not None else UNKNOWN_PAPER_TTL_SECONDS
                if moment - checked_at <= lifetime:
                    found[identifier] = ArxivPaper(identifier, title, bool(withdrawn), from_cache=True)
        return found

    def put_papers(self, papers: Iterable[ArxivPaper], *, now: float | None = None) -> None:
        moment = time.time() if now is None else now
        rows = [
            (paper.identifier, paper.title, int(paper.withdrawn), moment) for paper in papers if not paper.from_cache
        ]
        if rows:
            with self._connection:
                self._connection.execute("BEGIN IMMEDIATE")
                self._connection.executemany("INSERT OR REPLACE INTO arxiv_papers VALUES (?, ?, ?, ?)", rows)

    def close(self) -> None:
        self._connection.close()
