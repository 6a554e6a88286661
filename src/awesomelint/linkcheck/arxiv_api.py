"""Paper metadata from the arXiv API: many IDs a request, one request every three seconds.

arXiv asks API clients to wait three seconds between requests and to batch IDs with
`id_list`; the Atom feed it answers with holds one <entry> per paper found. An ID the
API does not return (or returns as an error entry) is unknown; a paper whose comment or
abstract says it was withdrawn is reported as withdrawn.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from xml.etree import ElementTree

from awesomelint.linkcheck.guard import ip_literal, is_public
from awesomelint.linkcheck.retry import retry_after_seconds

if TYPE_CHECKING:
    import httpx

DEFAULT_ARXIV_API = "https://export.arxiv.org/api/query"
BATCH_SIZE = 100
REQUEST_INTERVAL = 3.0  # seconds between requests, as https://info.arxiv.org/help/api/tou.html asks
_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_ID_IN_URL = re.compile(r"arxiv\.org/abs/(.+?)(?:v\d+)?$")
_WITHDRAWN = re.compile(r"\bwithdrawn\b", re.IGNORECASE)


@dataclass(frozen=True)
class ArxivPaper:
    identifier: str
    title: str | None  # None: arXiv has no such paper
    withdrawn: bool = False
    from_cache: bool = False


class ArxivApiError(Exception):
    """The API could not be asked: the papers in that batch stay unchecked."""


def parse_feed(feed: str) -> dict[str, ArxivPaper]:
    """The papers an Atom answer holds, by identifier without version."""
    try:
        root = ElementTree.fromstring(feed)
    except ElementTree.ParseError as error:
        raise ArxivApiError(f"the arXiv API answered with malformed XML: {error}") from None
    papers: dict[str, ArxivPaper] = {}
    for entry in root.iter(f"{_ATOM}entry"):
        address = (entry.findtext(f"{_ATOM}id") or "").strip()
        match = _ID_IN_URL.search(address)
        title = " ".join((entry.findtext(f"{_ATOM}title") or "").split())
        if match is None or not title or title == "Error":
            continue  # an error entry: the ID it names stays unknown
        comment = entry.findtext(f"{_ARXIV}comment") or ""
        summary = entry.findtext(f"{_ATOM}summary") or ""
        withdrawn = bool(_WITHDRAWN.search(comment)) or summary.strip().lower().startswith(
            ("this paper has been withdrawn", "this submission has been withdrawn")
        )
        papers[match.group(1)] = ArxivPaper(match.group(1), title, withdrawn)
    return papers


class ArxivApi:
    """Asks the API for papers in batches, never faster than one request per interval."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        api_url: str = DEFAULT_ARXIV_API,
        batch_size: int = BATCH_SIZE,
        interval: float = REQUEST_INTERVAL,
        retries: int = 2,
        retry_after_cap: float = 30.0,
        allow_private: bool = False,
    ) -> None:
        self.client = client
        self.api_url = api_url
        self.batch_size = batch_size
        self.interval = interval
        self.retries = retries
        self.retry_after_cap = retry_after_cap
        self.allow_private = allow_private
        self.requests = 0
        self._lock = asyncio.Lock()
        self._last_request = float("-inf")

    async def papers(self, identifiers: Sequence[str]) -> dict[str, ArxivPaper]:
        """Every identifier's paper; unknown ones have no title. Raises ArxivApiError if the API fails."""
        # Host names are checked by the client's resolver; an address written in the URL is not resolved.
        literal = ip_literal(urlsplit(self.api_url).hostname or "")
        if literal is not None and not self.allow_private and not is_public(literal):
            raise ArxivApiError(f"the arXiv API address {literal} is private; --allow-private allows it")
        found: dict[str, ArxivPaper] = {}
        unique = list(dict.fromkeys(identifiers))
        for start in range(0, len(unique), self.batch_size):
            batch = unique[start : start + self.batch_size]
            answered = await self._ask(batch)
            for identifier in batch:
                found[identifier] = answered.get(identifier) or ArxivPaper(identifier, None)
        return found

    async def _ask(self, batch: Sequence[str]) -> dict[str, ArxivPaper]:
        params = {"id_list": ",".join(batch), "max_results": str(len(batch))}
        for attempt in range(self.retries + 1):
            async with self._lock:  # requests in series, spaced by the interval
                wait = self._last_request + self.interval - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._last_request = time.monotonic()
                self.requests += 1
                try:
                    response = await self.client.get(self.api_url, params=params)
                except Exception as error:  # any transport failure leaves the batch unchecked
                    if attempt == self.retries:
                        raise ArxivApiError(f"the arXiv API could not be reached: {error!r}") from None
                    continue
            if response.status_code == 200:
                return parse_feed(response.text)
            if response.status_code in (429, 500, 502, 503, 504) and attempt < self.retries:
                asked = retry_after_seconds(response.headers.get("Retry-After")) or 0.0
                await asyncio.sleep(min(max(asked, self.interval), self.retry_after_cap))
                continue
            raise ArxivApiError(f"the arXiv API answered {response.status_code}")
        raise ArxivApiError("the arXiv API kept failing")
