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
    # agent purchases: the villager pays deposit + balance, the keeper pays the platform
    "purchase_deposit": QT_TRANSLATE_NOOP("core", "Purchase deposit"),
    "purchase_balance": QT_TRANSLATE_NOOP("core", "Purchase balance"),
    "purchase_goods": QT_TRANSLATE_NOOP("core", "Purchase paid to platform"),
    "purchase_goods_refund": QT_TRANSLATE_NOOP("core", "Purchase refund from platform"),
    "purchase_refund": QT_TRANSLATE_NOOP("core", "Purchase deposit refund"),
    # produce
    "produce_buyout": QT_TRANSLATE_NOOP("core", "Produce bought out"),
    "produce_sale": QT_TRANSLATE_NOOP("core", "Produce sale"),
    "consign_payout": QT_TRANSLATE_NOOP("core", "Consignment payout"),
    # bill payments: the villager pays amount + fee, the keeper pays the platform
    "bill_amount": QT_TRANSLATE_NOOP("core", "Bill payment"),
    "bill_fee": QT_TRANSLATE_NOOP("core", "Bill payment fee"),
    "bill_platform": QT_TRANSLATE_NOOP("core", "Bill paid on platform"),
    "bill_platform_refund": QT_TRANSLATE_NOOP("core", "Bill refund from platform"),
    "bill_refund": QT_TRANSLATE_NOOP("core", "Bill payment refund"),
    # other services
    "pos_card": QT_TRANSLATE_NOOP("core", "POS withdrawal (card)"),
    "pos_cash": QT_TRANSLATE_NOOP("core", "POS withdrawal (cash paid)"),
    "ticket": QT_TRANSLATE_NOOP("core", "Ticket"),
    "ticket_platform": QT_TRANSLATE_NOOP("core", "Ticket paid on platform"),
    "printing": QT_TRANSLATE_NOOP("core", "Printing"),
    "service_fee": QT_TRANSLATE_NOOP("core", "Service fee"),
    # the drawer itself
    "cash_in": QT_TRANSLATE_NOOP("core", "Cash put in"),
    "cash_out": QT_TRANSLATE_NOOP("core", "Cash taken out"),
    "cash_over": QT_TRANSLATE_NOOP("core", "Drawer over"),
    "cash_short": QT_TRANSLATE_NOOP("core", "Drawer short"),
}


def check_method(code: str) -> str:
    if code not in METHODS:
        raise UserError(m.UNKNOWN_METHOD, code=code)
    return code
