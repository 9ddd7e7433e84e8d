"""Payment methods and ledger categories (DESIGN §4). Categories grow with each service."""

from __future__ import annotations

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.messages import QT_TRANSLATE_NOOP

METHODS = {
    "cash": QT_TRANSLATE_NOOP("core", "Cash"),
    "wechat": QT_TRANSLATE_NOOP("core", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("core", "Alipay"),
    "card": QT_TRANSLATE_NOOP("core", "Bank card"),
    "platform": QT_TRANSLATE_NOOP("core", "Platform balance"),
}

CATEGORIES = {
    "send_fee": QT_TRANSLATE_NOOP("core", "Send fee"),
    "send_refund": QT_TRANSLATE_NOOP("core", "Send fee refund"),
    "storage_fee": QT_TRANSLATE_NOOP("core", "Overdue storage fee"),
}


def check_method(code: str) -> str:
    if code not in METHODS:
        raise UserError(m.UNKNOWN_METHOD, code=code)
    return code
