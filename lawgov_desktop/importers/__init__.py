"""Importing the workbooks counties send, without Qt and (up to ``plan.py``) without the database.

file ──readers.read_workbook──▶ Workbook of Sheets (typed grids + merged ranges; ``safety`` refuses
damaged, encrypted and hostile files first) ──shaping.shape_sheet──▶ ShapedSheet of ParsedRecords
(header found, columns mapped, merged cells filled, part rows, subtotals and footnotes consumed;
``values`` normalises each cell).  Every problem with the file is an ``ImportFileError``; problems
with single rows are ``RowProblem``s and Chinese warnings on the ShapedSheet.
"""
