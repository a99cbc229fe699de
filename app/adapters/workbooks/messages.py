"""What reading a workbook reports: English templates marked for translation.

Each reported message is a :class:`Message`, a ``str`` (the English text the CLI and the logs
show) that keeps its template and parameters, so the UI can translate the template and fill
the parameters in. A workbook adds its own row errors next to these.
"""

from __future__ import annotations

from app.domain.text import QT_TRANSLATE_NOOP


class Message(str):
    """English text of a file or row error that remembers its template and parameters."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self


# The file as a whole cannot be imported.
FILE_ERRORS: dict[str, str] = {
    "unreadable": QT_TRANSLATE_NOOP("Errors", "The file cannot be opened: {reason}"),
    "empty": QT_TRANSLATE_NOOP("Errors", "The file is empty (0 bytes)."),
    "xls": QT_TRANSLATE_NOOP(
        "Errors", "This is an old .xls file: open it in Excel and save as .xlsx."
    ),
    "encrypted": QT_TRANSLATE_NOOP(
        "Errors",
        "The file is password-protected: open it in Excel, remove the password "
        "(File > Info > Protect Workbook) and save it again.",
    ),
    "text": QT_TRANSLATE_NOOP(
        "Errors",
        "This is a CSV or text file, not an Excel workbook: open it in Excel and save as .xlsx.",
    ),
    "html": QT_TRANSLATE_NOOP(
        "Errors",
        "This is a web page or XML file, not an Excel workbook: "
        "open it in Excel and save as .xlsx.",
    ),
    "ods": QT_TRANSLATE_NOOP(
        "Errors", "This is an OpenDocument spreadsheet (.ods): open it and save as .xlsx."
    ),
    "not_xlsx": QT_TRANSLATE_NOOP(
        "Errors", "This is not an Excel workbook (.xlsx): choose the filled-in template."
    ),
    "corrupt": QT_TRANSLATE_NOOP(
        "Errors",
        "The file is damaged or not a complete .xlsx file: open it in Excel and save it again.",
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file is too large to import ({size_mb:,} MB unpacked); split it."
    ),
    "no_sheet": QT_TRANSLATE_NOOP("Errors", "The workbook has no worksheet."),
    "no_header": QT_TRANSLATE_NOOP(
        "Errors",
        "No header row found: the first row must hold the column names of the template.",
    ),
    "missing_columns": QT_TRANSLATE_NOOP("Errors", "Required columns are missing: {columns}."),
    "duplicate_column": QT_TRANSLATE_NOOP(
        "Errors", "The column {column} appears twice (columns {first} and {second})."
    ),
    "no_rows": QT_TRANSLATE_NOOP("Errors", "The file has no data rows."),
    "too_many_rows": QT_TRANSLATE_NOOP(
        "Errors", "The file has more than {max_rows:,} rows; split it into smaller files."
    ),
}

# Errors of one cell that any workbook's rows may have.
ROW_ERRORS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Errors", "This column is required."),
    "formula": QT_TRANSLATE_NOOP("Errors", "Formulas are not accepted; paste values."),
    "formula_text": QT_TRANSLATE_NOOP(
        "Errors",
        "The text must not start with =, +, - or @: spreadsheets would run it as a formula.",
    ),
    "excel_error": QT_TRANSLATE_NOOP(
        "Errors", "The cell holds the Excel error {value}; enter a value."
    ),
    "lost_digits": QT_TRANSLATE_NOOP(
        "Errors",
        "Excel stored this number as a number and dropped its last digits: "
        "format the column as Text and enter it again.",
    ),
    "date": QT_TRANSLATE_NOOP(
        "Errors", "{value} is not a date; write it like 2023-05-01 or 2023年5月1日."
    ),
    "date_impossible": QT_TRANSLATE_NOOP("Errors", "{value} is not a possible date."),
    "date_future": QT_TRANSLATE_NOOP("Errors", "The date {value} is in the future."),
    "date_too_old": QT_TRANSLATE_NOOP("Errors", "The date {value} is before 1900."),
    "boolean": QT_TRANSLATE_NOOP("Errors", "Write 是 or 否 (yes or no), not {value}."),
    "text_too_long": QT_TRANSLATE_NOOP("Errors", "At most {max} characters are allowed."),
    "dealer_code": QT_TRANSLATE_NOOP(
        "Errors", "A dealer code has at most 20 letters, digits, '-' or '_'."
    ),
    "money": QT_TRANSLATE_NOOP("Errors", "{value} is not an amount in yuan."),
    "money_decimals": QT_TRANSLATE_NOOP("Errors", "The amount {value} has more than 2 decimals."),
    "money_negative": QT_TRANSLATE_NOOP("Errors", "The amount {value} is negative."),
    "money_too_large": QT_TRANSLATE_NOOP("Errors", "The amount {value} is implausibly large."),
}
