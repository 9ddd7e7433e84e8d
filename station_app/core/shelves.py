"""Shelves (货架): lettered racks with numbered layers, each layer holding a set number of parcels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.models import Parcel, Shelf
from station_app.core.people import require_keeper
from station_app.core.validate import clean

IN_STOCK = "in_stock"


@dataclass(frozen=True)
class ShelfInfo:
    code: str
    layers: int
    per_layer: int
    in_stock: int

    @property
    def capacity(self) -> int:
        return self.layers * self.per_layer


def _check(code: str, layers: int, per_layer: int) -> str:
    code = clean(code).upper()
    if not re.fullmatch(r"[A-Z]{1,2}", code):
        raise UserError(m.BAD_SHELF_CODE)
    if not 1 <= layers <= 9:
        raise UserError(m.BAD_NUMBER, text=str(layers), low=1, high=9)
    if not 1 <= per_layer <= 500:
        raise UserError(m.BAD_NUMBER, text=str(per_layer), low=1, high=500)
    return code


def add_shelf(store, operator: str, code: str, layers: int, per_layer: int) -> ShelfInfo:
    code = _check(code, layers, per_layer)
    with store.write(operator) as tx:
        require_keeper(tx.conn, operator)
        if tx.conn.execute(select(Shelf.id).where(Shelf.code == code)).first():
            raise UserError(m.SHELF_EXISTS, shelf=code)
        position = tx.conn.execute(select(func.coalesce(func.max(Shelf.position), 0))).scalar() + 1
        shelf_id = tx.insert(Shelf, code=code, layers=layers, per_layer=per_layer,
                             position=position, active=True)
        tx.event("shelf.added", shelf_id, code=code)
    return ShelfInfo(code, layers, per_layer, 0)


def change_shelf(store, operator: str, code: str, layers: int, per_layer: int) -> ShelfInfo:
    code = _check(code, layers, per_layer)
    with store.write(operator) as tx:
        require_keeper(tx.conn, operator)
        shelf_id = tx.conn.execute(select(Shelf.id).where(Shelf.code == code)).scalar()
        if shelf_id is None:
            raise UserError(m.UNKNOWN_SHELF, shelf=code)
        outside = tx.conn.execute(select(func.count()).where(
            Parcel.status == IN_STOCK, Parcel.shelf == code, Parcel.layer > layers)).scalar()
        if outside:
            raise UserError(m.SHELF_NOT_EMPTY, shelf=code, count=outside)
        tx.update(Shelf, shelf_id, layers=layers, per_layer=per_layer)
        tx.event("shelf.changed", shelf_id, code=code)
    return ShelfInfo(code, layers, per_layer, 0)


def shelves(store) -> list[ShelfInfo]:
    """Active shelves in their order, each with how many parcels it holds now."""
    with store.read() as conn:
        held = dict(conn.execute(select(Parcel.shelf, func.count())
                                 .where(Parcel.status == IN_STOCK).group_by(Parcel.shelf)).all())
        return [ShelfInfo(r.code, r.layers, r.per_layer, held.get(r.code, 0))
                for r in conn.execute(select(Shelf.code, Shelf.layers, Shelf.per_layer)
                                      .where(Shelf.active.is_(True)).order_by(Shelf.position))]
