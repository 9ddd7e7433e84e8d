"""Where the keeper's files go: one folder they can find, shown in Settings (default: their
Documents, 村站助手), under names that say what and when (台账-2026-11.pdf, 收据-3F2A9C1B.pdf),
never overwriting each other; the banner that says a file was written offers to open the folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

APP_FOLDER = "村站助手"


def default_files_dir() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / APP_FOLDER


def files_dir(chosen: str | None) -> Path:
    """The folder chosen in Settings for this computer, or the default."""
    return Path(chosen) if chosen else default_files_dir()


def free_name(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or name（2）, name（3）… when taken: never overwrite a file."""
    path, stem, suffix, n = folder / name, Path(name).stem, Path(name).suffix, 2
    while path.exists():
        path = folder / f"{stem}（{n}）{suffix}"
        n += 1
    return path


def file_name(template: str, **parts) -> str:
    """A file name in the keeper's words ("ledger-{month}" is 台账-{month} in Chinese)."""
    return QCoreApplication.translate("files", template).format(**parts)


def ask_save_path(parent: QWidget, chosen_dir: str | None, title: str, name: str,
                  filter_: str) -> Path | None:
    """The save dialog, opened in the keeper's files folder on a name not yet taken; None if
    they cancel."""
    folder = files_dir(chosen_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(free_name(folder, name)), filter_)
    return Path(path) if path else None
