"""The monthly report pack laid out for its files (:mod:`.layout`: sections of titled tables
and charts; :mod:`.build`: a ``MonthlyReport`` turned into one, in Chinese or English). The
PDF (``app.adapters.report_pdf``) and the workbook (``app.adapters.report_workbook``) both
render this layout, so they show the same figures under the same titles."""
