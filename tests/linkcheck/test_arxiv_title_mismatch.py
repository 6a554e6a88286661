"""arxiv-title-mismatch against a local server answering in the arXiv API's Atom format."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint.arxiv import from_url
from awesomelint.cli import main
from awesomelint.config import RawConfig, resolve
from awesomelint.document.parse import parse
from awesomelint.linkcheck.service import NetworkOptions
from awesomelint.linkcheck.settings import CheckerSettings
from awesomelint.registry import all_rules
from awesomelint.rules.arxiv_title_mismatch import titles_match
from awesomelint.runner import RunResult, lint_paths, read_source
from conftest import FIXTURES

from .server import LocalServer, running

LORA = "LoRA: Low-Rank Adaptation of Large Language Models"
IA3 = "Few-Shot Parameter-Efficient Fine-Tuning is Better and Cheaper than In-Context Learning"
FLASH = "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with running() as local:
        yield local


def lint(server: LocalServer, *paths: Path, batch: int = 100, cache: Path | None = None) -> RunResult:
    settings = resolve([RawConfig(origin="test", select=("arxiv-title-mismatch",))], all_rules())
    options = NetworkOptions(
        checker=CheckerSettings(timeout=2.0, retries=2, allow_private=True),
        cache_path=cache,
        arxiv_api=server.url("/api/query"),
        arxiv_batch_size=batch,
        arxiv_interval=0.2,
    )
    return lint_paths([str(path) for path in paths], lambda _: settings, network=options)


def messages(run: RunResult) -> list[str]:
    return [f"{finding.line}: {finding.message}" for result in run.files for finding in result.findings]


@pytest.mark.parametrize(
    ("listed", "actual"),
    [
        ("LoRA", LORA),
        ("FlashAttention", FLASH),
        ("Fast and Memory-Efficient Exact Attention with IO-Awareness", FLASH),
        (
            "TRAIN SHORT, TEST LONG:<br>ATTENTION WITH LINEAR BIASES<br>ENABLES INPUT LENGTH EXTRAPOLATION",
            "Train Short, Test Long: Attention with Linear Biases Enables Input Length Extrapolation",
        ),
        (
            "EXTENDING CONTEXT WINDOW OF LARGE LANGUAGE MODELS VIA POSITION INTERPOLATION",
            "Extending Context Window of Large Language Models via Positional Interpolation",
        ),
        ("$\\infty$-former: Infinite Memory Transformer", "$\\infty$-former: Infinite Memory Transformer"),
        ("Llama 2 - Open Foundation and Fine-Tuned Chat Models", "Llama 2: Open Foundation and Fine-Tuned Chat Models"),
    ],
)
def test_titles_that_name_the_paper(listed: str, actual: str) -> None:
    assert titles_match(listed.replace("<br>", " "), actual, 0.75)


@pytest.mark.parametrize(
    ("listed", "actual"),
    [
        (LORA, IA3),
        ("Reducing Activation Recomputation in Large Transformer Models", FLASH),
        ("GPT-4 Technical Report", "Sparks of Artificial General Intelligence: Early experiments with GPT-4"),
        ("LLaMA-Adapter V2", "LLaMA-Adapter: Efficient Fine-tuning of Language Models with Zero-init Attention"),
    ],
)
def test_titles_of_another_paper(listed: str, actual: str) -> None:
    assert not titles_match(listed, actual, 0.75)


def test_the_seeds_wrong_links_are_found_and_nothing_else(server: LocalServer) -> None:
    seeds = [FIXTURES / "awesome-llm-papers.md", FIXTURES / "llama-paper-list.md"]
    # Every linked paper answers with its entry's own title, except the papers the seeds
    # link by mistake, which answer with their real titles.
    for seed in seeds:
        source, file = read_source(str(seed))
        for entry in parse(source, file).entries:
            for link in entry.links:
                paper = from_url(link.destination)
                if paper is not None and entry.title:
                    server.papers.setdefault(paper.identifier, (entry.title.replace("<br>", " "), ""))
    server.papers["2205.05638"] = (IA3, "")
    server.papers["2205.14135"] = (FLASH, "")
    server.papers["2106.09685"] = (LORA, "")
    found = lint(server, *seeds)
    assert messages(found) == [
        f'34: "{LORA}" links arXiv 2205.05638, which is "{IA3}"',
        '40: "Reducing Activation Recomputation in Large Transformer Models" links arXiv 2205.14135, '
        f'which is "{FLASH}"',
    ]
    linked = set(server.papers) - {"2106.09685"}
    asked = [identifier for batch in server.arxiv_batches for identifier in batch]
    assert len(asked) == len(set(asked))  # each paper asked once, across both files
    assert set(asked) == linked


def test_unknown_and_withdrawn_papers(tmp_path: Path, server: LocalServer) -> None:
    markdown = tmp_path / "README.md"
    markdown.write_text(
        "# Papers\n\n"
        "- [LoRA](https://arxiv.org/abs/2106.09685) - adapters.\n"
        "- [Ghost paper](https://arxiv.org/abs/2312.99991) - no such paper.\n"
        "- [Retracted](https://arxiv.org/pdf/2301.00002v1.pdf) - withdrawn.\n",
        encoding="utf-8",
    )
    server.papers["2106.09685"] = (LORA, "Draft V2 includes better baselines")
    server.papers["2301.00002"] = ("Retracted", "This paper has been withdrawn due to an error in Theorem 2")
    run = lint(server, markdown)
    assert messages(run) == [
        "4: arXiv 2312.99991 does not exist: the link is wrong",
        '5: arXiv 2301.00002 ("Retracted") was withdrawn by its authors',
    ]
    assert [finding.severity.value for finding in run.files[0].findings] == ["error", "warning"]


def test_batches_are_spaced_and_a_busy_api_is_waited_for(tmp_path: Path, server: LocalServer) -> None:
    markdown = tmp_path / "README.md"
    ids = [f"2301.{number:05d}" for number in range(1, 6)]
    markdown.write_text("".join(f"- [Paper {i}](https://arxiv.org/abs/{i})\n" for i in ids), encoding="utf-8")
    server.papers.update({identifier: (f"Paper {identifier}", "") for identifier in ids})
    server.arxiv_busy = 1  # the first request gets 503 with Retry-After: 1
    start = time.monotonic()
    run = lint(server, markdown, batch=2)
    elapsed = time.monotonic() - start
    assert messages(run) == []
    assert server.arxiv_batches == [ids[0:2], ids[2:4], ids[4:5]]  # ceil(5 / 2) answered requests
    assert server.count("/api/query") == 4  # plus the one refused
    assert elapsed >= 1.0 + 2 * 0.2  # Retry-After, then the interval between the later requests
    assert run.network is not None and "arXiv: 5 papers, 4 API requests" in run.network.summary()


def test_a_second_run_asks_nothing(tmp_path: Path, server: LocalServer) -> None:
    markdown = tmp_path / "README.md"
    markdown.write_text("- [LoRA](https://arxiv.org/abs/2106.09685)\n- [X](https://arxiv.org/abs/2312.99999)\n")
    server.papers["2106.09685"] = (LORA, "")
    cache = tmp_path / "cache.sqlite3"
    first = lint(server, markdown, cache=cache)
    assert server.count("/api/query") == 1
    second = lint(server, markdown, cache=cache)
    assert server.count("/api/query") == 1
    assert messages(second) == messages(first) == ["2: arXiv 2312.99999 does not exist: the link is wrong"]


def test_the_api_address_comes_from_the_command_line(
    tmp_path: Path, server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = tmp_path / "README.md"
    markdown.write_text(f"- [{LORA}](https://arxiv.org/abs/2205.05638)\n", encoding="utf-8")
    server.papers["2205.05638"] = (IA3, "")
    arguments = [str(markdown), "--select", "arxiv-title-mismatch", "--no-cache", "-q"]
    assert main([*arguments, "--arxiv-api", server.url("/api/query"), "--allow-private"]) == 1
    assert "links arXiv 2205.05638, which is" in capsys.readouterr().out
    # Without the opt-in, the private address of the local API is refused: nothing is reported.
    assert main([*arguments, "--arxiv-api", server.url("/api/query")]) == 0
    assert server.count("/api/query") == 1
