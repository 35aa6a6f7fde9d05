"""The endpoint as an ASGI application: the SPARQL 1.1 Protocol at /sparql, pages at /.

GET or HEAD /sparql?query=..., POST a form (query=...) or an application/sparql-query body;
`default-graph-uri` and `named-graph-uri` set the dataset. GET /sparql without a query is
the service description. Updates are refused with 403. Each query goes to the pool of
workers (kg.query.pool) through a thread, so the event loop keeps serving other requests
while it runs. Reading a body and writing an answer each have a deadline (`io_timeout`).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response

from kg.errors import QueryError
from kg.query import render
from kg.query.engine import Answer, Job
from kg.query.pool import Busy, Pool
from kg.query.serve.description import describe
from kg.query.serve.page import page_response
from kg.query.sparql import refusal
from kg.query.worker import QueryMemoryError, QueryTimeout

FORM = "application/x-www-form-urlencoded"
READ_ONLY = "this SPARQL endpoint (kg serve) is read-only"
ALLOW = "GET, HEAD, POST, OPTIONS"


class TooLarge(Exception):
    pass


class App:
    def __init__(self, pool: Pool, settings, html: Path | None, status=lambda: ""):
        self.pool = pool
        self.settings = settings
        self.html = html
        self.status = status  # a note on the store (a build writing it), or ""
        self.threads = ThreadPoolExecutor(
            max_workers=settings.workers + settings.queue, thread_name_prefix="kg-query"
        )

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        try:
            response = await self.dispatch(request)
        except ClientDisconnect:
            return

        async def send_in_time(message) -> None:
            await asyncio.wait_for(send(message), self.settings.io_timeout)

        try:
            await response(scope, receive, send_in_time)
        except (TimeoutError, OSError):
            return  # the client stopped reading: uvicorn closes the connection

    async def dispatch(self, request: Request) -> Response:
        path, method = request.url.path, request.method
        if path == "/sparql":
            if method in ("GET", "HEAD"):
                return await self.get(request)
            if method == "POST":
                return await self.post(request)
            if method == "OPTIONS":
                return Response(status_code=204, headers={"Allow": ALLOW})
            return _text(HTTPStatus.METHOD_NOT_ALLOWED, f"use {ALLOW}", {"Allow": ALLOW})
        if path in ("/", "/graph.html", "/query", "/query.js"):
            if method not in ("GET", "HEAD"):
                return _text(HTTPStatus.METHOD_NOT_ALLOWED, "use GET", {"Allow": "GET, HEAD"})
            return page_response(path, self.html)
        return _text(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql, its page /query")

    async def get(self, request: Request) -> Response:
        params = parse_qs(request.url.query, keep_blank_values=True)
        if "update" in params:
            return self.refuse_update()
        queries = params.get("query", [])
        if not queries:
            return self.description(request)
        if len(queries) != 1:
            return _text(HTTPStatus.BAD_REQUEST, "give exactly one query=... parameter")
        return await self.answer(request, queries[0], params)

    async def post(self, request: Request) -> Response:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            return self.refuse_update()
        if kind not in (FORM, "application/sparql-query"):
            return _text(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"POST a form ({FORM}) or an application/sparql-query body",
            )
        try:
            body = (await self.read_body(request)).decode("utf-8")
        except TooLarge:
            limit = self.settings.max_body
            return _text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body exceeds {limit} bytes")
        except TimeoutError:
            seconds = self.settings.io_timeout
            return _text(HTTPStatus.REQUEST_TIMEOUT, f"the body did not arrive in {seconds:g} s")
        except UnicodeDecodeError:
            return _text(HTTPStatus.BAD_REQUEST, "the body is not UTF-8 text")
        if kind == "application/sparql-query":
            params = parse_qs(request.url.query, keep_blank_values=True)
            return await self.answer(request, body, params)
        params = parse_qs(body, keep_blank_values=True)
        if "update" in params:
            return self.refuse_update()
        queries = params.get("query", [])
        if len(queries) != 1:
            return _text(HTTPStatus.BAD_REQUEST, "give exactly one query=... field")
        return await self.answer(request, queries[0], params)

    async def read_body(self, request: Request) -> bytes:
        limit = self.settings.max_body
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise TooLarge  # refused before a byte of it is read

        async def read() -> bytes:
            chunks, size = [], 0
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise TooLarge
                chunks.append(chunk)
            return b"".join(chunks)

        return await asyncio.wait_for(read(), self.settings.io_timeout)

    async def answer(self, request: Request, sparql: str, params: dict) -> Response:
        graphs = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
        for iri in graphs[0] + graphs[1]:
            try:
                ox.NamedNode(iri)
            except ValueError:
                return _text(HTTPStatus.BAD_REQUEST, f"not an IRI: {iri!r}")
        accept = render.accepted(request.headers.get("accept", "*/*"))
        settings = self.settings
        job = Job(
            sparql,
            settings.limit_rows,
            accept=accept,
            default_graphs=tuple(graphs[0]),
            named_graphs=tuple(graphs[1]),
            allow_service=settings.allow_service,
        )
        if not self.pool.admit():
            return _busy(
                f"the endpoint is busy: {settings.workers} queries are running and "
                f"{settings.queue} waiting; try again shortly"
            )
        try:
            loop = asyncio.get_running_loop()
            reply = await loop.run_in_executor(self.threads, self.pool.run, job, settings.timeout)
        except (QueryTimeout, QueryMemoryError) as exc:
            return _text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except Busy as exc:
            return _busy(str(exc))
        except QueryError as exc:
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
        finally:
            self.pool.leave()
        status, payload = reply
        if status == "ok":
            assert isinstance(payload, Answer)
            return self.answered(payload)
        if status == "unacceptable":
            offered = render.graph_types() if payload == "graph" else render.result_types()
            return _text(
                HTTPStatus.NOT_ACCEPTABLE,
                f"cannot answer as {', '.join(accept)}; this query's answer comes as one of "
                f"{', '.join(offered)}",
            )
        code = {
            "syntax": HTTPStatus.BAD_REQUEST,
            "update": HTTPStatus.FORBIDDEN,
            "refused": HTTPStatus.FORBIDDEN,
        }.get(status, HTTPStatus.INTERNAL_SERVER_ERROR)
        return _text(code, refusal(sparql, reply, READ_ONLY))

    def answered(self, answer: Answer) -> Response:
        headers = {}
        if answer.truncated:
            rows = self.settings.limit_rows
            headers["X-KG-Truncated"] = f"results cut to the first {rows} rows"
        note = self.status()
        if note:
            headers["X-KG-Store"] = note
        media = answer.media
        if not media.startswith("application/sparql-results"):
            media += "; charset=utf-8"
        return Response(answer.body, media_type=media, headers=headers)

    def description(self, request: Request) -> Response:
        wanted = render.accepted(request.headers.get("accept", "*/*"))
        media = render.choose(wanted, render.graph_types()) or "text/turtle"
        endpoint = f"{request.url.scheme}://{request.headers.get('host', 'localhost')}/sparql"
        body = describe(endpoint, self.settings, media, self.status())
        return Response(body, media_type=f"{media}; charset=utf-8")

    def refuse_update(self) -> Response:
        message = f"{READ_ONLY}: SPARQL Update is refused; the graph changes only through kg build"
        return _text(HTTPStatus.FORBIDDEN, message)

    def close(self) -> None:
        self.threads.shutdown(wait=False, cancel_futures=True)


def _text(status: HTTPStatus, message: str, headers: dict | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=int(status), headers=headers)


def _busy(message: str) -> Response:
    return _text(HTTPStatus.SERVICE_UNAVAILABLE, message, {"Retry-After": "1"})
