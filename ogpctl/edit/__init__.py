"""Editing record files in place, keeping what people wrote: comments, quoting, blank lines
and key order stay byte for byte; only the edited values change.

`yamltext` edits YAML text (set, replace and add values) and reads every result back to
check it (`yamlcheck`); `yamlnodes` finds where a value sits in the text; `yamlrender`
writes values as YAML text at a given place; `files` replaces a file atomically inside a
record, never through a symbolic link.
"""
