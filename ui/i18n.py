"""UI language: Chinese (zh_CN) by default, English selectable. Source strings are English and go
through Qt's ``tr``; ``resources/i18n/zh_CN/*.ts`` hold their Chinese, compiled into one ``.qm`` by
``scripts/build_translations.sh``."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ui.resources import RESOURCES

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
TS_DIR = RESOURCES / "i18n" / "zh_CN"  # one .ts file per area of the UI
QM_FILE = RESOURCES / "i18n" / "zhibu_zh_CN.qm"

_installed: list[QTranslator] = []


def install_language(app: QApplication, language: str) -> bool:
    """Install the translators for ``language``; returns False when the Chinese .qm is missing."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_own = QTranslator(app)
    if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    ours = QTranslator(app)
    if not ours.load(str(QM_FILE)):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True
