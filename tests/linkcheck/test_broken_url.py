"""broken-url and archived-repo end to end: `main([...])` against real local servers."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from awesomelint.cli import main
from awesomelint.linkcheck.github import check_repositories

from .server import LocalServer, running


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with running() as local:
        yield local


def write_list(folder: Path, server: LocalServer, *paths: str, extra: str = "") -> Path:
    lines = ["# Links", ""] + [f"- [Item {n}]({server.url(path)}) - an entry." for n, path in enumerate(paths)]
    markdown = folder / "README.md"
    markdown.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return markdown


def run(markdown: Path, cache: Path, *extra: str) -> int:
    return main(
        [str(markdown), "--select", "broken-url", "--allow-private", "--cache", str(cache), "--no-color", "-q", *extra]
    )


def test_broken_links_are_errors_and_others_are_not(
    tmp_path: Path, server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = write_list(tmp_path, server, "/ok", "/missing", "/moved", "/forbidden", "/flaky/cli")
    assert run(markdown, tmp_path / "c.sqlite3", "--retries", "1") == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{markdown}:4:12: error broken-url {server.url('/missing')} is broken: 404 Not Found",
        f"{markdown}:5:12: warning broken-url {server.url('/moved')} moved permanently to "
        f"{server.url('/ok-after-move')} [*]",
        f"{markdown}:6:12: warning broken-url {server.url('/forbidden')} could not be checked: "
        "403 Forbidden (the server refuses checkers)",
    ]


def test_second_run_is_served_from_the_cache(tmp_path: Path, server: LocalServer) -> None:
    markdown = write_list(tmp_path, server, "/ok/a", "/ok/b", "/missing/c")
    cache = tmp_path / "c.sqlite3"
    assert run(markdown, cache) == 1
    first = sum(server.requests.values())
    assert first == 3
    assert run(markdown, cache) == 1
    assert sum(server.requests.values()) == first  # no request the second time
    assert run(markdown, cache, "--no-cache") == 1
    assert sum(server.requests.values()) == first + 3


def test_same_url_in_two_files_is_requested_once(tmp_path: Path, server: LocalServer) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = write_list(tmp_path / "one", server, "/ok/shared", "/ok/shared#section")
    second = write_list(tmp_path / "two", server, "/ok/shared")
    code = main([str(first), str(second), "--select", "broken-url", "--allow-private", "--no-cache", "-q"])
    assert code == 0
    assert server.count("/ok/shared") == 1


def test_private_addresses_need_the_opt_in(
    tmp_path: Path, server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = write_list(tmp_path, server, "/missing/private")
    assert main([str(markdown), "--select", "broken-url", "--no-cache", "--no-color"]) == 0
    assert server.count("/missing/private") == 0
    captured = capsys.readouterr()
    assert "0 errors and 0 warnings" in captured.out
    assert "1 excluded" in captured.err


def test_offline_makes_no_request(tmp_path: Path, server: LocalServer) -> None:
    markdown = write_list(tmp_path, server, "/missing/offline")
    assert run(markdown, tmp_path / "c.sqlite3", "--offline") == 0
    assert server.count("/missing/offline") == 0


def test_unreachable_network_is_one_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markdown = tmp_path / "README.md"
    markdown.write_text("- [a](http://one.invalid/)\n- [b](http://two.invalid/)\n")
    assert main([str(markdown), "--select", "broken-url", "--no-cache", "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "awesomelint: the network is unreachable (no host answered); link checks were skipped\n"


def test_summary_names_statuses_and_slowest_hosts(
    tmp_path: Path, server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = write_list(tmp_path, server, "/ok/s1", "/missing/s2")
    main([str(markdown), "--select", "broken-url", "--allow-private", "--no-cache"])
    err = capsys.readouterr().err
    assert "links: 2 unique URLs, 2 requests, 0 from cache, 0 from the GitHub API; 1 ok, 0 redirected, 1 broken" in err
    assert "slowest hosts: 127.0.0.1" in err


def test_github_repositories_through_the_api_with_the_token_kept_there(
    tmp_path: Path, server: LocalServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with running() as elsewhere:
        server.repositories = {
            "octo/alive": ("octo/alive", False),
            "octo/old-name": ("octo/new-name", False),
            "octo/frozen": ("octo/frozen", True),
        }
        extra = "".join(
            f"- [{name}](https://github.com/octo/{name})\n" for name in ("alive", "old-name", "frozen", "gone")
        )
        markdown = write_list(tmp_path, elsewhere, "/ok/not-github", extra=extra)
        monkeypatch.setenv("GITHUB_TOKEN", "secret-token")
        code = main(
            [
                str(markdown),
                "--select",
                "broken-url,archived-repo",
                "--allow-private",
                "--no-cache",
                "--github-api",
                server.url("/graphql"),
                "-q",
                "--no-color",
            ]
        )
        out = capsys.readouterr().out
        assert code == 1
        assert "https://github.com/octo/gone is broken: repository does not exist (GitHub API)" in out
        assert "https://github.com/octo/old-name repository moved to https://github.com/octo/new-name" in out
        assert "archived-repo https://github.com/octo/frozen is an archived repository" in out
        assert len(server.graphql) == 1  # four repositories, one query
        assert server.authorizations == ["bearer secret-token"]
        assert elsewhere.authorizations == []
        assert elsewhere.count("/ok/not-github") == 1


def test_token_does_not_follow_an_api_redirect(server: LocalServer) -> None:
    with running() as elsewhere:
        server.elsewhere = elsewhere.base

        async def ask() -> dict[str, object]:
            async with httpx.AsyncClient() as client:
                return dict(
                    await check_repositories(
                        ["https://github.com/octo/alive"],
                        token="secret-token",
                        api_url=server.url("/graphql-redirect"),
                        client=client,
                    )
                )

        assert asyncio.run(ask()) == {}
        assert elsewhere.requests == {} and elsewhere.authorizations == []


def test_json_report_of_network_findings(
    tmp_path: Path, server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = write_list(tmp_path, server, "/gone/json")
    main([str(markdown), "--select", "broken-url", "--allow-private", "--no-cache", "--format", "json"])
    finding = json.loads(capsys.readouterr().out)["files"][0]["findings"][0]
    assert finding["rule"] == "broken-url" and finding["severity"] == "error" and finding["line"] == 3


def test_with_diff_base_only_links_on_changed_lines_are_requested(
    tmp_path: Path, server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    def git(*arguments: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *arguments], cwd=tmp_path, check=True
        )

    markdown = write_list(tmp_path, server, "/ok/old", "/missing/old")
    git("init", "-q", "-b", "main")
    git("add", "README.md")
    git("commit", "-q", "-m", "list")
    markdown.write_text(
        markdown.read_text(encoding="utf-8") + f"- [New]({server.url('/missing/new')}) - added.\n", encoding="utf-8"
    )
    assert run(markdown, tmp_path / "c.sqlite3", "--diff-base", "main") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{markdown}:5:9: error broken-url {server.url('/missing/new')} is broken: 404 Not Found"
    ]
    assert {path for _, path in server.requests} == {"/missing/new"}
