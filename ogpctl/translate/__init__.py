"""Translations of a record's texts for translators and their tools, and back.

`exporting.export` collects every text (and plan section) with no translation in a
language, or whose source changed since it was translated, as a PO or XLIFF file;
`importing.import_translations` writes the translations back, keeping comments and layout.
Core only: nothing here prints or exits.
"""
