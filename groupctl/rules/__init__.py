"""The plan's rules: pure functions from (data, parameters, year) to result records.

Each module sits next to the clause it encodes and imports no CLI or rendering code.
"""
