"""Reading and writing .xlsx workbooks, whatever their columns.

Reading: :mod:`.container` checks the file cheaply and finds the data sheet,
:mod:`.sheet_reader` streams its rows, :mod:`.cells` turns cells into normalised values,
:mod:`.rows` reads rows against a workbook's :mod:`.columns` and reports :mod:`.messages`.
Writing: :mod:`.writer` streams large workbooks, :mod:`.results` gives an import's rows
back with their outcome, :mod:`.templates` draws import templates with openpyxl.

A workbook with its own columns and rules (``member_workbooks``, ``document_workbooks``)
builds on these modules and imports only their public names.
"""
