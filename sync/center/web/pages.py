"""The county staff workspace (县级电商公共服务中心工作台), served by the center at ``/`` beside
the station API: server-rendered pages (Jinja2), htmx vendored for the filters, usable
without JavaScript.

Every page needs a signed-in staff member (a session cookie, accounts.py); every form that
changes something carries the session's CSRF token and is refused without it; admin forms
are refused to viewers. Bad input (an unknown station, a month like 2026-13, a huge form, a
forged cookie) gets a page that says so, in the staff member's language, and changes nothing.
The station API's signed requests and these sessions know nothing of each other.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sync.center.storage import Center
from sync.center import audit
from sync.center.web import accounts, views
from sync.center.web.errors import WebError
from sync.center.web.words import translator

HERE = Path(__file__).parent
COOKIE = "vs_staff"
LANG_COOKIE = "vs_lang"
LANGS = ("zh_CN", "en")
MAX_FORM = 64 * 1024  # a staff form is a few fields; a config's JSON fits many times over
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class BoundedBody:
    """ASGI middleware: a request body outside /api/ is refused (413) past MAX_FORM, declared
    or streamed, before anything reads it; the station API bounds its own bodies."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > MAX_FORM:
            return await _too_large(send)
        seen = 0

        async def bounded():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > MAX_FORM:
                raise _TooLarge
            return message
        try:
            await self.app(scope, bounded, send)
        except _TooLarge:
            await _too_large(send)


class _TooLarge(Exception):
    pass


async def _too_large(send) -> None:
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": "413 表单过大 / form too large".encode()})


class Workspace:
    """What every page needs: the center, the templates, the staff member's language and
    session, and the checks of a form that changes something."""

    def __init__(self, center: Center):
        self.center = center
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"),
                               autoescape=select_autoescape(["html"]), trim_blocks=True,
                               lstrip_blocks=True)
        self.env.filters["fen"] = views.yuan
        self.env.filters["local"] = views.local_time

    @staticmethod
    def lang_of(request: Request) -> str:
        chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
        return chosen if chosen in LANGS else "zh_CN"

    def render(self, request: Request, name: str, status: int = 200, session=None, **values):
        lang = self.lang_of(request)
        words = translator(lang)
        html = self.env.get_template(name).render(
            t=words, category=words.category, method=words.method, action=words.action,
            lang=lang, staff=session.staff if session else None,
            csrf=session.csrf if session else "", path=request.url.path, **values)
        response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
        if request.query_params.get("lang") in LANGS:
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict",
                                httponly=True)
        return response

    def error_page(self, request: Request, exc: WebError) -> HTMLResponse:
        session = accounts.session(self.center, request.cookies.get(COOKIE))
        return self.render(request, "error.html", exc.status, session, code=exc.code,
                           params=exc.params)

    def signed_in(self, request: Request) -> accounts.Session:
        found = accounts.session(self.center, request.cookies.get(COOKIE))
        if found is None:
            raise _SignIn(request.url.path)
        return found

    def changing(self, request: Request, csrf: str, admin: bool = False) -> accounts.Session:
        """The session of a form that changes something: CSRF token checked, role checked."""
        current = self.signed_in(request)
        if not secrets.compare_digest(csrf.encode(), current.csrf.encode()):
            raise WebError(403, "csrf")
        if admin and not current.staff.is_admin:
            raise WebError(403, "admin_only")
        return current

    @staticmethod
    def address(request: Request) -> str:
        return request.client.host if request.client else "unknown"


def mount(app: FastAPI, center: Center) -> None:
    """The workspace's routes, its static files and its error pages, on the center's app."""
    from sync.center.web import admin

    ws = Workspace(center)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BoundedBody)
    app.state.web_error_page = ws.error_page  # the app's 404/405 pages outside /api/ (api.py)

    @app.exception_handler(WebError)
    async def _refused(request: Request, exc: WebError):
        return await run_in_threadpool(ws.error_page, request, exc)

    @app.exception_handler(_SignIn)
    async def _to_sign_in(request: Request, exc: _SignIn):
        if request.method != "GET":
            return RedirectResponse("/login", 303)
        return RedirectResponse(f"/login?next={quote(exc.path)}", 303)

    # --- signing in and out ----------------------------------------------------------------
    @app.get("/login", include_in_schema=False)
    def login_form(request: Request, next: str = "/"):
        return ws.render(request, "login.html", next=_local_path(next))

    @app.post("/login", include_in_schema=False)
    def login(request: Request, username: str = Form(""), password: str = Form(""),
              next: str = Form("/")):
        target = _local_path(next)
        try:
            token = accounts.sign_in(center, username, password, ws.address(request))
        except accounts.AccountError as exc:
            response = ws.render(request, "login.html", 429 if exc.code == "too_many" else 401,
                                 next=target, problem=exc.code, username=username[:40],
                                 minutes=-(-(exc.retry_after or 0) // 60))
            if exc.retry_after:
                response.headers["Retry-After"] = str(exc.retry_after)
            return response
        response = RedirectResponse(target, 303)
        response.set_cookie(COOKIE, token, max_age=accounts.SESSION_HOURS * 3600, httponly=True,
                            samesite="strict", secure=request.url.scheme == "https", path="/")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form("")):
        accounts.sign_out(center, ws.changing(request, csrf))
        response = RedirectResponse("/login", 303)
        response.delete_cookie(COOKIE, path="/")
        return response

    # --- reading ---------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def home(request: Request):
        ws.signed_in(request)
        return RedirectResponse("/stations", 303)

    @app.get("/stations", include_in_schema=False)
    def stations(request: Request, township: str = "", status: str = "", q: str = ""):
        current = ws.signed_in(request)
        found = views.station_rows(center, township[:100], status[:20], q[:100])
        template = "stations_table.html" if request.headers.get("HX-Request") else "stations.html"
        return ws.render(request, template, session=current, rows=found.rows,
                         townships=found.townships, counts=found.counts,
                         chosen={"township": township, "status": status, "q": q},
                         thresholds=views.contact_thresholds(center))

    @app.get("/stations/{station_id}", include_in_schema=False)
    def station_page(request: Request, station_id: str, done: str = "", month: str = ""):
        current = ws.signed_in(request)
        detail = views.station_detail(center, checked_station_id(station_id))
        month = checked_month(month) if month else views.local_time(center.now(), "%Y-%m")
        return ws.render(request, "station.html", session=current, s=detail, done=done[:20],
                         days=views.attendance(center, station_id, month))

    @app.get("/stations/{station_id}/ledger/{month}", include_in_schema=False)
    def ledger_page(request: Request, station_id: str, month: str):
        current = ws.signed_in(request)
        doc, info = views.ledger(center, checked_station_id(station_id), checked_month(month))
        return ws.render(request, "ledger.html", session=current, doc=doc, info=info,
                         formats=views.LEDGER_FORMATS)

    @app.get("/stations/{station_id}/ledger/{month}/download", include_in_schema=False)
    def ledger_download(request: Request, station_id: str, month: str, format: str = "pdf"):
        current = ws.signed_in(request)
        if format not in views.LEDGER_FORMATS:
            raise WebError(400, "bad_format")
        data, name, media = views.ledger_file(center, checked_station_id(station_id),
                                              checked_month(month), format, ws.lang_of(request),
                                              current.staff.username)
        return Response(data, media_type=media, headers={
            **SECURITY_HEADERS,
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    @app.get("/flags", include_in_schema=False)
    def flags_page(request: Request):
        current = ws.signed_in(request)
        return ws.render(request, "flags.html", session=current, rows=views.flag_rows(center))

    @app.get("/audit", include_in_schema=False)
    def audit_page(request: Request, before: int | None = None):
        current = ws.signed_in(request)
        with center.read() as conn:
            check = audit.verify(conn)
            rows = audit.entries(conn, before=before)
        return ws.render(request, "audit.html", session=current, rows=rows, check=check)

    @app.get("/config", include_in_schema=False)
    def config_page(request: Request, a: int | None = None, b: int | None = None):
        current = ws.signed_in(request)
        versions, builtin = views.config_versions(center)
        bodies = {v["version"]: v["body"] for v in versions}
        diff = None
        if b is not None:
            if b not in bodies or (a is not None and a not in bodies and a != 0):
                raise WebError(404, "not_found")
            diff = views.config_diff(bodies.get(a), bodies[b])
        return ws.render(request, "config.html", session=current, versions=versions,
                         builtin=builtin, diff=diff, a=a, b=b,
                         current=views.pretty(versions[0]["body"]) if versions else "")

    @app.get("/coverage", include_in_schema=False)
    def coverage_page(request: Request):
        from sync.center.coverage import coverage

        current = ws.signed_in(request)
        townships, unlisted = coverage(center)
        villages = sum(t.villages for t in townships)
        covered = sum(t.covered for t in townships)
        return ws.render(request, "coverage.html", session=current, townships=townships,
                         unlisted=unlisted, villages=villages, covered=covered)

    admin.routes(app, ws)
    admin.config_routes(app, ws)


def checked_station_id(station_id: str) -> str:
    if not views.valid_station_id(station_id):
        raise WebError(404, "unknown_station", station=station_id[:60])
    return station_id


def checked_month(month: str) -> str:
    if not views.valid_month(month):
        raise WebError(400, "bad_month", month=month[:20])
    return month


class _SignIn(Exception):
    def __init__(self, path: str):
        super().__init__(path)
        self.path = path


def _local_path(target: str) -> str:
    """Only a path of this site: a ``next`` of //evil.example or https://… goes home instead."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target
