"""The center's HTTP interface under /api/v1 (DESIGN §6, §8), OpenAPI at /openapi.json.

Handlers are thin: read a bounded body, hand it to storage/ingest on a worker thread, map
ProtocolError to its status and a JSON body {error, detail, …}. Every station request is
signed (see sync/protocol.py); only enrollment, which carries its one-time code, and the
health check are not.
"""

from __future__ import annotations

import os
from typing import Annotated

from fastapi import FastAPI, Request
from fastapi import Path as FastAPIPath
from fastapi.exceptions import RequestValidationError
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync import protocol
from sync.center import ingest
from sync.center.storage import Center
from sync.protocol import API, SIGNATURE_HEADER, ProtocolError

ERROR = {"description": "refused: {error, detail}",
         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
STATION_ID = f"^{protocol.STATION_ID}$"
# A station id named in a URL, checked before any lookup or memory is spent on it (a NUL
# reached PostgreSQL and came back a 500): a 400 like any malformed request.
StationId = Annotated[str, FastAPIPath(pattern=STATION_ID)]


class Problem(BaseModel):
    error: str
    detail: str = ""


class Enrollment(BaseModel):
    station_id: str = Field(pattern=STATION_ID)
    code: str = Field(min_length=1, max_length=32)
    public_key: str = Field(pattern=r"^[A-Za-z0-9_-]{43}$", description="raw Ed25519, base64url")


class SignedDocument(BaseModel):
    model_config = {"extra": "allow"}
    signature: str


def problem(exc: ProtocolError) -> JSONResponse:
    """A refusal as JSON; a busy center (503) or a limit reached (429) also says when to
    come back."""
    headers = None
    if exc.status == 503:
        headers = {"Retry-After": "1"}
    elif exc.status == 429:
        headers = {"Retry-After": str(exc.extra.get("retry_after", 60))}
    return JSONResponse(exc.body(), status_code=exc.status, headers=headers)


ENROLL_MAX_BODY = 4096  # an enrollment is three short fields


async def bounded_body(request: Request, limit: int = protocol.MAX_BODY) -> bytes:
    """The body, read no further than ``limit``: a huge upload is refused, not buffered."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ProtocolError(413, "too_large", f"the body is over {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, "too_large", f"the body is over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(center: Center) -> FastAPI:
    app = FastAPI(title="County e-commerce center · 县级电商服务中心", version="1",
                  description="Receives village stations' signed journal batches and serves "
                              "their configuration (DESIGN §6).")

    @app.exception_handler(ProtocolError)
    async def _refused(_request: Request, exc: ProtocolError):
        return problem(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if not request.url.path.startswith(API):
            from sync.center.web.errors import WebError

            return await run_in_threadpool(app.state.web_error_page, request,
                                           WebError(400, "bad_request"))
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return problem(ProtocolError(400, "malformed", f"{where}: {first.get('msg', 'invalid')}"))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if not request.url.path.startswith(API):  # a page of the staff workspace
            from sync.center.web.errors import WebError

            return await run_in_threadpool(app.state.web_error_page, request,
                                           WebError(exc.status_code, "not_found"))
        answer = problem(ProtocolError(exc.status_code, f"http_{exc.status_code}", str(exc.detail)))
        answer.headers.update(exc.headers or {})  # 405 keeps its Allow header
        return answer

    def station_path(station_id: str, what: str) -> str:
        return f"{API}/stations/{station_id}/{what}"

    def freshness(request: Request) -> protocol.Freshness:
        return protocol.Freshness(request.headers.get(protocol.TIME_HEADER),
                                  request.headers.get(protocol.NONCE_HEADER))

    async def signed(request: Request, station_id: str, what: str):
        """A fresh signed GET of the station's: authenticated, its nonce spent, last seen."""
        fresh = freshness(request)
        info = await run_in_threadpool(
            center.authenticate, station_id, request.method, station_path(station_id, what),
            b"", request.headers.get(SIGNATURE_HEADER), fresh)
        await run_in_threadpool(center.seen, station_id, fresh)
        return info

    @app.get(f"{API}/health", responses={
        200: {"description": "batches are being stored"},
        503: {"description": "stalled: a batch has been in its transaction too long, or the "
                             "database does not answer"}})
    def health():
        """Whether this process stores batches, not only whether it is up."""
        report = center.health()
        return JSONResponse(report, status_code=200 if report["status"] == "ok" else 503)

    @app.get(f"{API}/center", responses={200: {"description": "the center's public key"}})
    def center_key() -> dict:
        """The center's public key and its fingerprint: a station checks them against its
        enrollment card before it sends its one-time code anywhere."""
        return {"center_public_key": center.public_key, "fingerprint": center.fingerprint}

    @app.post(f"{API}/enroll", response_model=SignedDocument,
              responses={400: ERROR, 401: ERROR, 403: ERROR, 413: ERROR,
                         429: {**ERROR, "description": "too many failed attempts from this "
                                                      "address or for this station"}},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": Enrollment.model_json_schema()}}}})
    async def enroll(request: Request):
        """Bind a station's public key with its one-time code; the answer pins the center's key.
        The body is read under ENROLL_MAX_BODY; failed attempts are limited (429)."""
        body = await bounded_body(request, ENROLL_MAX_BODY)
        try:
            enrollment = Enrollment.model_validate_json(body)
        except ValidationError as exc:
            first = exc.errors()[0] if exc.errors() else {}
            where = ".".join(str(p) for p in first.get("loc", ())) or "body"
            raise ProtocolError(400, "malformed", f"{where}: {first.get('msg', 'invalid')}") \
                from None
        address = request.client.host if request.client else "unknown"
        return JSONResponse(await run_in_threadpool(
            center.enroll, enrollment.station_id, enrollment.code, enrollment.public_key,
            address))

    @app.get(API + "/stations/{station_id}/head", response_model=SignedDocument,
             responses={400: ERROR, 401: ERROR, 403: ERROR})
    async def head(station_id: StationId, request: Request):
        """The signed high-water mark: where the station's next batch starts."""
        info = await signed(request, station_id, "head")
        return await run_in_threadpool(center.ack, station_id, info.hw_seq, info.hw_hash)

    @app.post(API + "/stations/{station_id}/batches", response_model=SignedDocument,
              responses={400: ERROR, 401: ERROR, 403: ERROR, 409: ERROR, 413: ERROR},
              openapi_extra={"requestBody": {"required": True, "content": {
                  media: {"schema": {"type": "string", "format": "binary"}}
                  for media in ("application/gzip", "application/octet-stream")}}})
    async def batches(station_id: StationId, request: Request):
        """A gzip'd batch of journal events; answered with the signed ack after the commit."""
        body = await bounded_body(request)
        ack = await run_in_threadpool(ingest.receive, center, station_id,
                                      station_path(station_id, "batches"), body,
                                      request.headers.get(SIGNATURE_HEADER), freshness(request))
        return JSONResponse(ack)  # made here, so already a SignedDocument: not checked again

    @app.get(API + "/stations/{station_id}/config", response_model=SignedDocument | None,
             responses={400: ERROR, 401: ERROR, 403: ERROR,
                        204: {"description": "nothing published yet"}})
    async def station_config(station_id: StationId, request: Request):
        """The newest signed configuration document for the stations."""
        await signed(request, station_id, "config")
        document = await run_in_threadpool(center.config_document)
        if document is None:
            return Response(status_code=204)
        return JSONResponse(document)

    from sync.center.web.pages import mount

    mount(app, center)  # the staff workspace, at / on the same port

    app.openapi_schema = None
    original = app.openapi

    def openapi():
        if app.openapi_schema is None:
            schema = original()
            schema["components"]["schemas"]["Problem"] = Problem.model_json_schema()
            for operation in (op for path in schema["paths"].values() for op in path.values()):
                operation["responses"].pop("422", None)  # validation errors are 400 Problems
                operation["responses"].setdefault("400", ERROR)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
    return app



def app_from_environment() -> FastAPI:
    """One worker of `county-center serve --workers N`: its own center on COUNTY_CENTER_DB."""
    from station_app.core import runtime
    from sync.center.storage import open_center

    app = create_app(open_center(os.environ["COUNTY_CENTER_DB"]))
    runtime.tune()
    return app
