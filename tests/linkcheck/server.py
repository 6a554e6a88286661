"""A real HTTP server on 127.0.0.1 for link-checker tests, run in a background thread.

Every request is counted per (method, path), so tests can assert that no URL was requested
more often than it had to be.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from aiohttp import web

CHUNK = b"x" * 65536


class LocalServer:
    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self.requests: Counter[tuple[str, str]] = Counter()
        self.authorizations: list[str] = []  # every Authorization header received
        self.graphql: list[dict[str, object]] = []  # GraphQL bodies received on /graphql
        self.elsewhere = ""  # another server's base URL, for redirects that leave this one
        self.repositories: dict[str, tuple[str, bool]] = {}  # "owner/name" lower-cased -> (nameWithOwner, archived)
        self.body_bytes_sent = 0
        self.papers: dict[str, tuple[str, str]] = {}  # arXiv ID -> (title, comment), for /api/query
        self.arxiv_batches: list[list[str]] = []  # the id_list of every /api/query request
        self.arxiv_busy = 0  # answer this many /api/query requests with 503 and Retry-After first
        self.port = 0
        self._ssl_context = ssl_context
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def base(self) -> str:
        scheme = "https" if self._ssl_context else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return sum(number for (_, seen), number in self.requests.items() if seen == path)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.requests[(request.method, path)] += 1
        if "Authorization" in request.headers:
            self.authorizations.append(request.headers["Authorization"])
        if path == "/graphql":
            return await self._graphql(request)
        if path == "/api/query":
            return self._arxiv(request)
        if path == "/graphql-redirect":
            raise web.HTTPTemporaryRedirect(self.elsewhere + "/collect-token")
        seen = self.count(path)
        if path.startswith("/ok"):
            return web.Response(text="ok")
        if path.startswith("/head405"):
            return web.Response(status=405 if request.method == "HEAD" else 200)
        if path.startswith("/missing"):
            return web.Response(status=404)
        if path.startswith("/gone"):
            return web.Response(status=410)
        if path.startswith("/forbidden"):
            return web.Response(status=403)
        if path.startswith("/moved"):
            raise web.HTTPMovedPermanently("/ok-after-move")
        if path.startswith("/chain"):
            raise web.HTTPPermanentRedirect("/moved")
        if path.startswith("/temporary"):
            raise web.HTTPFound("/ok-after-temporary")
        if path.startswith("/loop-a"):
            raise web.HTTPMovedPermanently("/loop-b")
        if path.startswith("/loop-b"):
            raise web.HTTPMovedPermanently("/loop-a")
        if path.startswith("/ratelimited"):
            if seen == 1:
                return web.Response(status=429, headers={"Retry-After": "1"})
            return web.Response(text="ok")
        if path.startswith("/flaky"):
            return web.Response(status=503 if seen == 1 else 200)
        if path.startswith("/always503"):
            return web.Response(status=503)
        if path.startswith("/slow"):
            await asyncio.sleep(0.1)
            return web.Response(text="ok")
        if path.startswith("/hang"):
            await asyncio.sleep(3600)
        if path.startswith("/huge"):
            if path.startswith("/huge-get-only") and request.method == "HEAD":
                return web.Response(status=405)
            response = web.StreamResponse(headers={"Content-Length": str(1 << 30)})
            await response.prepare(request)
            if request.method == "GET":
                for _ in range(1 << 14):
                    await response.write(CHUNK)
                    self.body_bytes_sent += len(CHUNK)
            return response
        if path.startswith("/reset"):
            assert request.transport is not None
            request.transport.abort()
            await asyncio.sleep(0.05)
        if path.startswith("/redirect-to-private"):
            raise web.HTTPMovedPermanently(f"http://127.0.0.1:{self.port}/ok")
        return web.Response(status=404)

    def _arxiv(self, request: web.Request) -> web.Response:
        """Answers like export.arxiv.org/api/query?id_list=...: Atom, one entry per paper found."""
        from .arxiv_atom import feed

        if self.arxiv_busy:
            self.arxiv_busy -= 1
            return web.Response(status=503, headers={"Retry-After": "1"}, text="Rate exceeded.")
        ids = [identifier for identifier in request.query.get("id_list", "").split(",") if identifier]
        self.arxiv_batches.append(ids)
        malformed = frozenset(
            identifier for identifier in ids if not identifier[:1].isdigit() and "/" not in identifier
        )
        return web.Response(text=feed(ids, self.papers, malformed), content_type="application/atom+xml")

    async def _graphql(self, request: web.Request) -> web.Response:
        """Answers repository(owner:, name:) aliases the way GitHub's GraphQL API does."""
        import json
        import re

        body = await request.json()
        self.graphql.append(body)
        data: dict[str, object] = {}
        errors: list[dict[str, object]] = []
        for alias, owner, name in re.findall(r'(r\d+): repository\(owner: "([^"]+)", name: "([^"]+)"\)', body["query"]):
            found = self.repositories.get(f"{owner}/{name}".lower())
            if found is None:
                data[alias] = None
                errors.append({"type": "NOT_FOUND", "path": [alias], "message": "Could not resolve"})
            else:
                data[alias] = {"nameWithOwner": found[0], "isArchived": found[1]}
        return web.Response(text=json.dumps({"data": data, "errors": errors}), content_type="application/json")

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=self._ssl_context)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        self._ready.set()
        await self._stop.wait()
        await runner.cleanup()

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(10)

    def stop(self) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)


@contextmanager
def running(ssl_context: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    server = LocalServer(ssl_context)
    server.start()
    try:
        yield server
    finally:
        server.stop()
