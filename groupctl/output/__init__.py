"""The one output model: a command's result as records, drawn in every format.

``model`` describes columns, sections and the JSON envelope; ``render`` draws table,
CSV, JSON and markdown text; ``xlsx`` draws a workbook; ``files`` writes atomically.
Nothing here is imported before a command has a result to show.
"""
