"""Marking user-visible text in code that must not import Qt.

``pyside6-lupdate`` collects strings passed to a function named ``QT_TRANSLATE_NOOP``
wherever it is defined, so services can mark messages for the translators while the
UI translates them (``QCoreApplication.translate(context, text)``) at display time.
"""

ERRORS = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text
