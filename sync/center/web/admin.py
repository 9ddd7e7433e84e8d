"""The workspace's admin forms: adding a station and printing its enrollment card, a new code,
a new PC (re-key), revoking with a reason, the township; staff accounts and their sessions.

Each form carries the session's CSRF token and is refused to a viewer (403 page); each change
is made, with its audit entry, by the center's own methods in one transaction.
"""

from __future__ import annotations

import base64
import io
import os
from urllib.parse import urlsplit

from fastapi import FastAPI, Form, Request
from fastapi.responses import RedirectResponse

from sync import protocol
from sync.center.web import accounts, views
from sync.center.web.errors import WebError


def qr_data_uri(text: str) -> str:
    import qrcode

    image = qrcode.make(text, border=2, box_size=6)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def routes(app: FastAPI, ws) -> None:
    from sync.center.web.pages import checked_station_id

    center = ws.center

    def card(request: Request, current, station_id: str, code: str):
        """The printable enrollment card: what the keeper scans, or types."""
        info = center.station(station_id)
        url = (os.environ.get("COUNTY_CENTER_URL") or str(request.base_url)).rstrip("/")
        local_only = urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")
        text = protocol.enrollment_text(url, station_id, code, center.fingerprint)
        return ws.render(request, "card.html", session=current, info=info, code=code, url=url,
                         fingerprint=center.fingerprint, qr=qr_data_uri(text),
                         local_only=local_only)

    @app.get("/stations-new", include_in_schema=False)
    def new_station_form(request: Request):
        current = ws.signed_in(request)
        if not current.staff.is_admin:
            raise WebError(403, "admin_only")
        return ws.render(request, "station_new.html", session=current, values={})

    @app.post("/stations-new", include_in_schema=False)
    def add_station(request: Request, csrf: str = Form(""), station_id: str = Form(""),
                    name: str = Form(""), village: str = Form(""), township: str = Form("")):
        current = ws.changing(request, csrf, admin=True)
        values = {"station_id": station_id.strip()[:40], "name": name.strip()[:100],
                  "village": village.strip()[:100], "township": township.strip()[:100]}
        problem = None
        if not views.valid_station_id(values["station_id"]) or not values["name"]:
            problem = "bad_station"
        else:
            try:
                center.station(values["station_id"])
                problem = "exists"
            except protocol.ProtocolError:
                pass
        if problem:
            return ws.render(request, "station_new.html", 400, current, values=values,
                             problem=problem)
        code = center.add_station(values["station_id"], values["name"], values["village"],
                                  values["township"], by=current.staff.username)
        return card(request, current, values["station_id"], code)

    @app.post("/stations/{station_id}/code", include_in_schema=False)
    def new_code(request: Request, station_id: str, csrf: str = Form(""),
                 new_pc: str = Form("")):
        current = ws.changing(request, csrf, admin=True)
        info = views.station_info(center, checked_station_id(station_id))
        if info.status == "revoked":
            raise WebError(409, "revoked", station=station_id)
        if info.public_key is not None:  # joined: only a new PC gets a new code, and says so
            if new_pc != "yes":
                raise WebError(400, "confirm_new_pc")
            code = center.rekey_station(station_id, by=current.staff.username)
        else:
            code = center.add_station(station_id, info.name, info.village, info.township,
                                      by=current.staff.username)
        return card(request, current, station_id, code)

    @app.post("/stations/{station_id}/revoke", include_in_schema=False)
    def revoke(request: Request, station_id: str, csrf: str = Form(""), reason: str = Form("")):
        current = ws.changing(request, csrf, admin=True)
        views.station_info(center, checked_station_id(station_id))
        if not reason.strip():
            raise WebError(400, "reason_needed")
        center.revoke_station(station_id, by=current.staff.username, reason=reason.strip()[:500])
        return RedirectResponse(f"/stations/{station_id}?done=revoked", 303)

    @app.post("/stations/{station_id}/township", include_in_schema=False)
    def township(request: Request, station_id: str, csrf: str = Form(""),
                 township: str = Form("")):
        current = ws.changing(request, csrf, admin=True)
        views.station_info(center, checked_station_id(station_id))
        center.set_township(station_id, township.strip()[:100], by=current.staff.username)
        return RedirectResponse(f"/stations/{station_id}?done=township", 303)

    # --- staff accounts ------------------------------------------------------------------------
    @app.get("/users", include_in_schema=False)
    def users_page(request: Request):
        current = ws.signed_in(request)
        if not current.staff.is_admin:
            raise WebError(403, "admin_only")
        return ws.render(request, "users.html", session=current, users=accounts.users(center),
                         sessions=accounts.sessions(center), mine=current.token_hash)

    @app.post("/users", include_in_schema=False)
    def add_user(request: Request, csrf: str = Form(""), username: str = Form(""),
                 role: str = Form(""), password: str = Form(""), again: str = Form("")):
        current = ws.changing(request, csrf, admin=True)
        try:
            if password != again:
                raise accounts.AccountError("passwords_differ")
            accounts.add_user(center, username.strip()[:40], role, password,
                              by=current.staff.username)
        except accounts.AccountError as exc:
            return ws.render(request, "users.html", 400, current, users=accounts.users(center),
                             sessions=accounts.sessions(center), mine=current.token_hash,
                             problem=exc.code, username=username[:40])
        return RedirectResponse("/users", 303)

    @app.post("/users/{username}/disable", include_in_schema=False)
    def disable(request: Request, username: str, csrf: str = Form("")):
        current = ws.changing(request, csrf, admin=True)
        if username == current.staff.username:
            raise WebError(400, "not_yourself")
        try:
            accounts.disable_user(center, username[:40], by=current.staff.username)
        except accounts.AccountError:
            raise WebError(404, "unknown_user") from None
        return RedirectResponse("/users", 303)

    @app.post("/sessions/{session_id}/end", include_in_schema=False)
    def end_session(request: Request, session_id: str, csrf: str = Form("")):
        current = ws.changing(request, csrf, admin=True)
        try:
            accounts.revoke_session(center, session_id[:64], by=current.staff.username)
        except accounts.AccountError:
            raise WebError(404, "unknown_session") from None
        return RedirectResponse("/users", 303)


def config_routes(app: FastAPI, ws) -> None:
    """Editing and publishing the county's rules: a quick form (overdue fee, an announcement)
    or the whole JSON, then a preview that shows what would change, then publishing (checked
    again exactly as `publish-config` checks it). Nothing is published without the preview."""
    import json

    from station_app.core import county_config
    from station_app.core.messages import QT_TRANSLATE_NOOP
    from station_app.core.validate import format_fen
    from sync.center.web.words import translator

    center = ws.center

    def published_body() -> dict | None:
        document = center.config_document()
        return document["body"] if document else None

    def edit_form(body: dict) -> dict:
        overdue = body.get("overdue", {}) if isinstance(body, dict) else {}
        fee = overdue.get("fee_per_day_fen")
        return {"body": views.pretty(body), "free_days": overdue.get("free_days", ""),
                "fee_yuan": format_fen(fee, symbol=False) if isinstance(fee, int) else "",
                "title": "", "text": ""}

    def admin_only(request: Request):
        current = ws.signed_in(request)
        if not current.staff.is_admin:
            raise WebError(403, "admin_only")
        return current

    @app.get("/config/edit", include_in_schema=False)
    def edit(request: Request):
        current = admin_only(request)
        return ws.render(request, "config_edit.html", session=current,
                         form=edit_form(published_body() or county_config.template()))

    def refused(request: Request, current, form: dict, exc) -> object:
        """The edit page again, with what was typed and why it cannot be published."""
        return ws.render(request, "config_edit.html", 400, current, form=form,
                         problem=translator(ws.lang_of(request)).config_error(exc))

    def preview(request: Request, current, body: dict, form: dict):
        """What publishing ``body`` would change; refused if it is not a valid version or
        changes nothing."""
        t = translator(ws.lang_of(request))
        before, problem = published_body(), None
        try:
            county_config.parse_body(body)  # the same check publish_config makes
        except county_config.ConfigError as exc:
            problem = t.config_error(exc)
        if problem is None and before is not None and views.pretty(before) == views.pretty(body):
            problem = t(QT_TRANSLATE_NOOP("web", "Nothing would change: the rules are the same "
                                                 "as the version in force."))
        if problem:
            return ws.render(request, "config_edit.html", 400, current, form=form,
                             problem=problem)
        removed = sorted(set(before or {}) - set(body))
        return ws.render(request, "config_preview.html", session=current,
                         diff=views.config_diff(before, body), removed=removed,
                         body=json.dumps(body, ensure_ascii=False))

    @app.post("/config/quick", include_in_schema=False)
    def quick(request: Request, csrf: str = Form(""), free_days: str = Form(""),
              fee_yuan: str = Form(""), title: str = Form(""), text: str = Form("")):
        """The version in force with the overdue fee set and an announcement added."""
        current = ws.changing(request, csrf, admin=True)
        base = published_body() or county_config.template()
        form = {**edit_form(base), "free_days": free_days, "fee_yuan": fee_yuan,
                "title": title, "text": text}
        try:
            body = _edited_body(json.dumps(base), free_days, fee_yuan, title, text,
                                views.local_time(center.now(), "%Y-%m-%d"))
        except county_config.ConfigError as exc:
            return refused(request, current, form, exc)
        return preview(request, current, body, form)

    @app.post("/config/edit", include_in_schema=False)
    def edited(request: Request, csrf: str = Form(""), body: str = Form("")):
        """The whole next version as JSON: what it says is what is published."""
        current = ws.changing(request, csrf, admin=True)
        form = {**edit_form(published_body() or county_config.template()), "body": body}
        try:
            parsed = _edited_body(body, "", "", "", "", "")
        except county_config.ConfigError as exc:
            return refused(request, current, form, exc)
        return preview(request, current, parsed, form)

    @app.post("/config/publish", include_in_schema=False)
    def publish(request: Request, csrf: str = Form(""), body: str = Form("")):
        current = ws.changing(request, csrf, admin=True)
        try:
            version = center.publish_config(_edited_body(body, "", "", "", "", ""),
                                            by=current.staff.username)
        except county_config.ConfigError as exc:
            form = {**edit_form(published_body() or county_config.template()), "body": body}
            return refused(request, current, form, exc)
        return RedirectResponse(f"/config?published={version}", 303)


def _edited_body(body: str, free_days: str, fee_yuan: str, title: str, text: str,
                 today: str) -> dict:
    """The next version's body from the edit form: the JSON, with the overdue fields and a new
    announcement put in when filled; ConfigError (with its words) when it cannot be one."""
    import json

    from station_app.core.county_config import ConfigError
    from station_app.core.errors import UserError
    from station_app.core.messages import QT_TRANSLATE_NOOP
    from station_app.core.validate import parse_money

    try:
        parsed = json.loads(body)
    except json.JSONDecodeError as exc:
        raise ConfigError("", QT_TRANSLATE_NOOP(
            "config", "the JSON is not valid at line {line}, column {column}"),
            line=exc.lineno, column=exc.colno) from None
    if not isinstance(parsed, dict):
        raise ConfigError("", QT_TRANSLATE_NOOP("config", "the JSON must be one object {{…}}"))
    if free_days.strip() or fee_yuan.strip():
        try:
            days = int(free_days.strip())
            fee = parse_money(fee_yuan or "0", high=100_000)
        except (ValueError, UserError):
            raise ConfigError("", QT_TRANSLATE_NOOP(
                "config", "free days are a whole number and the fee an amount in yuan")) from None
        parsed["overdue"] = {"free_days": days, "fee_per_day_fen": fee}
    if title.strip() or text.strip():
        parsed.setdefault("announcements", [])
        if isinstance(parsed["announcements"], list):
            parsed["announcements"].append({"title": title.strip(), "text": text.strip(),
                                            "date": today})
    return parsed
