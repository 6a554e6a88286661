from __future__ import annotations

import threading
from pathlib import Path

from awesomelint.linkcheck.cache import TTL_SECONDS, LinkCache, default_cache_path
from awesomelint.linkcheck.status import LinkResult, LinkStatus


def test_results_round_trip_and_expire_by_status(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path / "links.sqlite3")
    ok = LinkResult("https://a.example/", LinkStatus.OK, "200 OK", 200)
    broken = LinkResult("https://b.example/", LinkStatus.BROKEN, "404 Not Found", 404)
    moved = LinkResult("https://c.example/", LinkStatus.REDIRECTED, "moved", 301, "https://d.example/", True)
    cache.put_many([ok, broken, moved], now=1000.0)
    found = cache.get_many([ok.url, broken.url, moved.url, "https://e.example/"], now=1000.0 + 60)
    assert set(found) == {ok.url, broken.url, moved.url}
    assert found[moved.url].location == "https://d.example/" and found[moved.url].archived
    assert all(result.from_cache for result in found.values())
    later = 1000.0 + TTL_SECONDS[LinkStatus.BROKEN] + 1
    assert set(cache.get_many([ok.url, broken.url], now=later)) == {ok.url}


def test_unchecked_statuses_are_not_stored(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path / "links.sqlite3")
    cache.put_many(
        [
            LinkResult("https://x.example/", LinkStatus.EXCLUDED, "excluded"),
            LinkResult("https://y.example/", LinkStatus.SKIPPED, "deadline"),
        ]
    )
    assert cache.get_many(["https://x.example/", "https://y.example/"]) == {}


def test_two_writers_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    errors: list[BaseException] = []

    def write(prefix: str) -> None:
        try:
            cache = LinkCache(path)
            for batch in range(20):
                cache.put_many(
                    LinkResult(f"https://{prefix}.example/{batch}/{n}", LinkStatus.OK, "200 OK", 200) for n in range(50)
                )
            cache.close()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("a", "b", "c")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    urls = [f"https://{p}.example/{b}/{n}" for p in "abc" for b in range(20) for n in range(50)]
    assert len(LinkCache(path).get_many(urls)) == 3000


def test_default_path_follows_xdg(monkeypatch: object, tmp_path: Path) -> None:
    import sys

    import pytest

    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path))
    try:
        if sys.platform.startswith("linux"):
            assert default_cache_path() == tmp_path / "awesomelint" / "links.sqlite3"
    finally:
        patch.undo()
