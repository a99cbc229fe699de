"""Bulk import of historical members (批量激活老用户) and member export as .xlsx files.

Pure file handling and validation, no database: ``read_members`` streams a workbook into
normalised rows with per-row errors; the import service checks them against the database and
writes them in batches; ``write_result`` gives the user their rows back with a status each.
The generic workbook machinery (container checks, sheet reader, cells, row reader, writer)
is :mod:`app.adapters.workbooks`; this package holds the member columns and rules.

What the import service can rely on:

- ``ParsedFile.file_errors`` not empty: the file as a whole must not be imported.
- ``ParsedRow.values`` holds every column key of ``COLUMNS``: dates are ``date``, booleans
  ``bool``, tags ``list[str]``, ``purchase_amount`` is integer **fen**, blanks are ``None``;
  gender and birthday are filled from the resident ID when left empty; ``source_channel``
  defaults to ``historical_import`` and ``marketing_consent`` to ``False``.
- The template's example row is skipped: any row whose first cell or member-number cell
  starts with "示例" or "Example" (its row number goes to ``ParsedFile.example_rows``).
- Duplicates *within the file* (mobile, resident ID, VIN, member number) are row errors
  naming the first row; duplicates against the database are the service's job.

Messages are English constant templates marked for translation (``ROW_ERRORS``,
``FILE_ERRORS``); each reported message is a :class:`Message`.
"""

from app.adapters.member_workbooks.columns import (
    CHANNEL_LABELS_ZH,
    COLUMN_BY_KEY,
    COLUMNS,
    DATA_SHEET_NAMES,
    DEFAULT_CHANNEL,
    MAX_ROWS,
    MEMBER_COLUMNS,
    MEMBER_ROW_ERRORS,
    ROW_ERRORS,
    Column,
    Kind,
    column_for_header,
    display_value,
    row_reason,
)
from app.adapters.member_workbooks.reading import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    MemberRowReader,
    convert_cell,
    read_members,
)
from app.adapters.member_workbooks.template import example_member, write_template
from app.adapters.member_workbooks.writing import (
    SUMMARY_SHEET,
    write_members_export,
    write_result,
)
from app.adapters.workbooks.columns import Language
from app.adapters.workbooks.messages import FILE_ERRORS, Message
from app.adapters.workbooks.results import RESULT_SHEET, STATUS_ERROR, STATUS_NOT_PROCESSED
from app.adapters.workbooks.rows import ParsedFile, ParsedRow, ProgressCallback
from app.adapters.workbooks.writer import ExcelWriteError
from app.domain.members import CHANNELS

__all__ = [
    "CHANNELS",
    "CHANNEL_LABELS_ZH",
    "COLUMNS",
    "COLUMN_BY_KEY",
    "DATA_SHEET_NAMES",
    "DEFAULT_CHANNEL",
    "FILE_ERRORS",
    "MAX_ROWS",
    "MAX_TAGS",
    "MAX_TAG_LENGTH",
    "MEMBER_COLUMNS",
    "MEMBER_ROW_ERRORS",
    "RESULT_SHEET",
    "ROW_ERRORS",
    "STATUS_ERROR",
    "STATUS_NOT_PROCESSED",
    "SUMMARY_SHEET",
    "Column",
    "ExcelWriteError",
    "Kind",
    "Language",
    "MemberRowReader",
    "Message",
    "ParsedFile",
    "ParsedRow",
    "ProgressCallback",
    "column_for_header",
    "convert_cell",
    "display_value",
    "example_member",
    "read_members",
    "row_reason",
    "write_members_export",
    "write_result",
    "write_template",
]
