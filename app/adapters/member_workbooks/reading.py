"""Reading a member import workbook: the member cells and the rules across a member's columns."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from functools import partial

from app.adapters.member_workbooks.columns import (
    CHANNEL_LABELS_ZH,
    DATA_SHEET_NAMES,
    DEFAULT_CHANNEL,
    MAX_ROWS,
    MEMBER_COLUMNS,
    MEMBER_ROW_ERRORS,
)
from app.adapters.workbooks import cells
from app.adapters.workbooks.cells import CellContext, CellError, as_text, normalised
from app.adapters.workbooks.messages import Message
from app.adapters.workbooks.rows import (
    FirstRows,
    ParsedFile,
    ProgressCallback,
    RowErrors,
    RowReader,
)
from app.domain.members import CHANNELS
from app.domain.validation import (
    InvalidValue,
    ResidentId,
    check_resident_id_matches,
    normalize_person_name,
    normalize_plate,
    normalize_vin,
    parse_resident_id,
)

MAX_TAGS, MAX_TAG_LENGTH = 20, 40
_TEXT_LIMITS = {"province": 40, "city": 40, "vehicle_model": 60}
_UNIQUE_KEYS = ("member_number", "mobile", "resident_id", "vin")  # within the file
_VEHICLE_DETAILS = ("vehicle_model", "plate", "purchase_date", "purchase_amount")
_GENDERS = {"男": "male", "男性": "male", "male": "male", "m": "male"} | {
    "女": "female",
    "女性": "female",
    "female": "female",
    "f": "female",
}
_CHANNELS_BY_TEXT = {c: c for c in CHANNELS} | {
    label.casefold(): code for code, label in CHANNEL_LABELS_ZH.items()
}
_TAG_SEPARATORS = re.compile(r"[,;、]")  # after NFKC, full-width ，and ；are ASCII


def _resident_id(value: object, ctx: CellContext) -> ResidentId:
    try:
        return parse_resident_id(cells.code_text(value), today=ctx.today)
    except InvalidValue as exc:
        raise cells.domain_error(exc) from None


def _gender(value: object, ctx: CellContext) -> str:
    gender = _GENDERS.get(as_text(value).casefold())
    if gender is None:
        raise CellError(MEMBER_ROW_ERRORS["gender"])
    return gender


def _channel(value: object, ctx: CellContext) -> str:
    text = as_text(value)
    channel = _CHANNELS_BY_TEXT.get(text.casefold().replace(" ", "_"))
    if channel is None:
        raise CellError(MEMBER_ROW_ERRORS["channel"], value=text)
    return channel


def _tags(value: object, ctx: CellContext) -> list[str]:
    tags = list(dict.fromkeys(t.strip() for t in _TAG_SEPARATORS.split(as_text(value))))
    tags = [t for t in tags if t]
    for tag in tags:
        cells.plain_text(tag)
        if len(tag) > MAX_TAG_LENGTH:
            raise CellError(MEMBER_ROW_ERRORS["tag_too_long"], tag=tag, max=MAX_TAG_LENGTH)
    if len(tags) > MAX_TAGS:
        raise CellError(MEMBER_ROW_ERRORS["too_many_tags"], max=MAX_TAGS)
    return tags


_CONVERTERS: dict[str, cells.Converter] = {
    "member_number": cells.member_number,
    "name": lambda v, ctx: normalised(normalize_person_name, as_text(v)),
    "gender": _gender,
    "mobile": cells.mobile,
    "province": partial(cells.limited_text, _TEXT_LIMITS["province"]),
    "city": partial(cells.limited_text, _TEXT_LIMITS["city"]),
    "birthday": cells.past_date,
    "resident_id": _resident_id,
    "join_date": cells.past_date,
    "dealer_code": cells.dealer_code,
    "source_channel": _channel,
    "tags": _tags,
    "privacy_consent": cells.boolean,
    "marketing_consent": cells.boolean,
    "vin": lambda v, ctx: normalised(normalize_vin, cells.code_text(v)),
    "vehicle_model": partial(cells.limited_text, _TEXT_LIMITS["vehicle_model"]),
    "plate": lambda v, ctx: normalised(normalize_plate, cells.code_text(v)),
    "purchase_date": cells.past_date,
    "purchase_amount": cells.fen,
}


def convert_cell(key: str, value: object, *, today: date, epoch: datetime | None = None) -> object:
    """Normalise one cell as the importer does; raises ValueError with the row message."""
    ctx = CellContext(today, epoch) if epoch else CellContext(today)
    try:
        cleaned = cells.clean_cell(value)
        result = None if cleaned is None else _CONVERTERS[key](cleaned, ctx)
    except CellError as exc:
        raise ValueError(exc.message) from None
    return result.number if isinstance(result, ResidentId) else result


class MemberRowReader(RowReader):
    """Member rows: the resident ID cross-checks, consents, vehicles, defaults and duplicates
    within the file (duplicates against the database are the service's job)."""

    columns = MEMBER_COLUMNS
    converters = _CONVERTERS
    preferred_sheets = DATA_SHEET_NAMES
    example_column = "member_number"

    def __init__(
        self, parsed: ParsedFile, today: date, max_rows: int, progress: ProgressCallback | None
    ):
        super().__init__(parsed, today, max_rows, progress)
        self.first_rows = {key: FirstRows() for key in _UNIQUE_KEYS}

    def check_row(self, number: int, values: dict[str, object], errors: RowErrors) -> None:
        bad = {key for key, _ in errors}
        _apply_resident_id(values, errors, bad)
        # Privacy consent has its own message below.
        self.require_filled(values, errors, skip={*bad, "privacy_consent"})
        _check_consent_and_vehicle(values, errors, bad)
        values["source_channel"] = values["source_channel"] or DEFAULT_CHANNEL
        values["marketing_consent"] = bool(values["marketing_consent"])
        values["tags"] = values["tags"] or []
        self._check_duplicates(number, values, errors)

    def _check_duplicates(self, number: int, values: dict[str, object], errors: RowErrors) -> None:
        for key in _UNIQUE_KEYS:
            value = values[key]
            if value is None:
                continue
            first = self.first_rows[key].earlier(value, number)
            if first is not None:
                errors.append((key, Message(MEMBER_ROW_ERRORS[f"duplicate_{key}"], row=first)))


def _apply_resident_id(values: dict[str, object], errors: RowErrors, bad: set[str]) -> None:
    """The resident ID's birthday and gender must match the typed ones and fill empty ones."""
    rid = values["resident_id"]
    if not isinstance(rid, ResidentId):
        return
    values["resident_id"] = rid.number
    if "birthday" in bad or "gender" in bad:
        return  # the typed value is wrong already; do not pile a mismatch on top
    birthday, gender = values["birthday"], values["gender"]
    try:
        check_resident_id_matches(rid, birthday, gender)  # type: ignore[arg-type]
    except InvalidValue as exc:
        errors.append(("resident_id", Message(str(exc))))
    values["birthday"] = birthday or rid.birthday
    values["gender"] = gender or rid.gender


def _check_consent_and_vehicle(values: dict[str, object], errors: RowErrors, bad: set[str]) -> None:
    if values["privacy_consent"] is not True and "privacy_consent" not in bad:
        errors.append(("privacy_consent", Message(MEMBER_ROW_ERRORS["privacy"])))
    if values["vin"] is not None and values["vehicle_model"] is None and "vehicle_model" not in bad:
        errors.append(("vehicle_model", Message(MEMBER_ROW_ERRORS["model_required"])))
    vehicle_details = any(values[k] is not None for k in _VEHICLE_DETAILS)
    if values["vin"] is None and "vin" not in bad and vehicle_details:
        errors.append(("vin", Message(MEMBER_ROW_ERRORS["vin_required"])))


def read_members(
    path: str | os.PathLike[str],
    *,
    today: date,
    max_rows: int = MAX_ROWS,
    progress: ProgressCallback | None = None,
) -> ParsedFile:
    """Read and validate a member import workbook, streaming; never raises for a bad file.

    ``progress(rows_read, rows_estimate)`` is called every 1,000 rows; the estimate is the
    data rows below the header by the sheet's <dimension>, 0 when the sheet does not say
    or says less than was read. An exception it raises (a cancel) propagates.
    """
    reader = MemberRowReader(ParsedFile(), today, max_rows, progress)
    reader.read(path)
    return reader.parsed
