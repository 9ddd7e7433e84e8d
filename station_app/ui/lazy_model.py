"""A table that loads a page of rows at a time from the DB worker as the keeper scrolls.

The view asks ``canFetchMore``/``fetchMore`` when it nears the end; the next keyset page is read
on the worker and appended on the GUI thread, so a shelf of 200,000 parcels opens as fast as one
of twenty and the window never waits on the database. ``reload`` starts over (a new generation:
pages still in flight for the old one are dropped when they arrive).
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, Sequence

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt,
                            Signal)

from station_app.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex


class LazyTableModel(QAbstractTableModel):
    loaded = Signal(int)  # rows held after a page arrived
    checks_changed = Signal()

    def __init__(self, worker: DbWorker, headers: Sequence[str],
                 fetch: Callable[[Any, int], list], key: Callable[[Any], Any],
                 cells: Callable[[Any], Sequence[str]], page_size: int = 200,
                 ident: Callable[[Any], Hashable] | None = None, checkable: bool = False,
                 on_error: Callable[[BaseException], None] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.headers = list(headers)
        self.fetch, self.key, self.cells = fetch, key, cells
        self.ident = ident or key
        self.page_size = page_size
        self.checkable = checkable
        self.on_error = on_error
        self.rows: list = []
        self.checked: set[Hashable] = set()
        self._position: dict[Hashable, int] = {}
        self._last_key = None  # where the next page starts (rows added in front don't move it)
        self._done = False
        self._loading = False
        self._generation = 0

    # --- the model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.column() == 0:
            return (Qt.CheckState.Checked if self.ident(row) in self.checked
                    else Qt.CheckState.Unchecked)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable and index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not (self.checkable and role == Qt.ItemDataRole.CheckStateRole and index.column() == 0):
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_checked(self.rows[index.row()], on)
        return True

    # --- paging ------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._done and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        after = self._last_key
        fetch, size = self.fetch, self.page_size
        self.worker.run(lambda: fetch(after, size),
                        lambda rows: self._append(generation, rows),
                        lambda exc: self._failed(generation, exc), owner=self)

    def _append(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._done = len(rows) < self.page_size
        if rows:
            self._last_key = self.key(rows[-1])
            rows = [r for r in rows if self.ident(r) not in self._position]  # added in front
        if rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.rows.extend(rows)
            self._position.update((self.ident(r), start + i) for i, r in enumerate(rows))
            self.endInsertRows()
        self.loaded.emit(len(self.rows))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._done = True  # don't retry in a loop; reload() tries again
            if self.on_error:
                self.on_error(exc)

    def reload(self) -> None:
        """Forget what is loaded (ticks included) and read the first page again."""
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._position = {}
        self._last_key = None
        self.checked = set()
        self._done = self._loading = False
        self.endResetModel()
        self.checks_changed.emit()
        self.fetchMore()

    def add_front(self, row) -> None:
        """Show a row the pages would not bring (e.g. a scanned parcel outside the filter)."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, row)
        self._position = {self.ident(r): i for i, r in enumerate(self.rows)}
        self.endInsertRows()

    @property
    def complete(self) -> bool:
        return self._done

    # --- ticks -------------------------------------------------------------------------------
    def set_checked(self, row, on: bool) -> None:
        ident = self.ident(row)
        if on == (ident in self.checked):
            return
        (self.checked.add if on else self.checked.discard)(ident)
        r = self._position.get(ident)
        if r is not None:
            cell = self.index(r, 0)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()

    def find(self, ident: Hashable):
        """The loaded row with this identity, or None."""
        r = self._position.get(ident)
        return None if r is None else self.rows[r]

    def checked_rows(self) -> list:
        return [r for r in self.rows if self.ident(r) in self.checked]
