"""Loading the interface language: our catalogue plus Qt's own (so its dialogs match)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from station_app.core.errors import UserError
from station_app.resources import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}


def install_translators(app, lang: str) -> list[QTranslator]:
    """Returns the installed translators (keep a reference: Qt does not own them)."""
    installed = []
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return installed
    ours = QTranslator(app)
    if not ours.load(str(resources_dir() / "i18n" / f"{lang}.qm")):
        raise FileNotFoundError(f"translation {lang}.qm is missing: run `make translations`")
    app.installTranslator(ours)
    installed.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def tr_core(text: str) -> str:
    return QCoreApplication.translate("core", text)


def t_reports(text: str) -> str:
    """The words of papers and of weights and prices on screen (the "reports" context)."""
    return QCoreApplication.translate("reports", text)


def error_text(exc: BaseException) -> str:
    """What the keeper reads for an error: their language for expected ones, a plain line else."""
    if isinstance(exc, UserError):
        # Field names and other words among the parameters are catalogue entries too
        # (QT_TRANSLATE_NOOP in the core): "请填写“物品”", never "请填写“items”".
        return tr_core(exc.template).format(**{k: tr_core(v) if isinstance(v, str) else v
                                               for k, v in exc.params.items()})
    return QCoreApplication.translate("errors", "Something went wrong: {error}").format(error=exc)
