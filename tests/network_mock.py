"""A stand-in web for unit-level tests of network rules (httpx.MockTransport, no sockets).

Rule docs and rule fixtures use it; the link checker itself is tested against real servers
in tests/linkcheck/. A URL's path says what it answers: `/gone` and `/missing` 404,
`/moved` a permanent redirect to `/new-home`, `/forbidden` 403, anything else 200. The
GitHub API answers that repositories named `archived-*` are archived and `deleted-*` gone.
The arXiv API (`/api/query`) knows the papers in PAPERS, in the API's Atom format.
"""

from __future__ import annotations

import json
import re

import httpx

from awesomelint.linkcheck.service import NetworkOptions
from awesomelint.linkcheck.settings import CheckerSettings

PAPERS = {
    "2106.09685": ("LoRA: Low-Rank Adaptation of Large Language Models", ""),
    "2205.05638": ("Few-Shot Parameter-Efficient Fine-Tuning is Better and Cheaper than In-Context Learning", ""),
    "2205.14135": ("FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness", ""),
    "2305.14314": ("QLoRA: Efficient Finetuning of Quantized LLMs", ""),
    "2301.00002": ("A Withdrawn Result", "This paper has been withdrawn: Theorem 2 is wrong"),
}


def _answer(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/api/query":
        from linkcheck.arxiv_atom import feed

        ids = [identifier for identifier in request.url.params.get("id_list", "").split(",") if identifier]
        return httpx.Response(200, text=feed(ids, PAPERS), headers={"Content-Type": "application/atom+xml"})
    if request.url.path == "/graphql":
        query = json.loads(request.content)["query"]
        data: dict[str, object] = {}
        errors: list[dict[str, object]] = []
        for alias, owner, name in re.findall(r'(r\d+): repository\(owner: "([^"]+)", name: "([^"]+)"\)', query):
            if name.startswith("deleted-"):
                data[alias] = None
                errors.append({"type": "NOT_FOUND", "path": [alias]})
            else:
                data[alias] = {"nameWithOwner": f"{owner}/{name}", "isArchived": name.startswith("archived-")}
        return httpx.Response(200, json={"data": data, "errors": errors})
    path = request.url.path
    if "/gone" in path or "/missing" in path:
        return httpx.Response(404)
    if "/moved" in path:
        return httpx.Response(301, headers={"Location": str(request.url.copy_with(path="/new-home"))})
    if "/forbidden" in path:
        return httpx.Response(403)
    return httpx.Response(200)


def mock_network() -> NetworkOptions:
    return NetworkOptions(
        checker=CheckerSettings(timeout=1.0, retries=0),
        transport=httpx.MockTransport(_answer),
        github_token="test-token",
        github_api="https://api.github.com/graphql",
    )
