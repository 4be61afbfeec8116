"""Scaffolding: the files `ogpctl init`, `new-plan` and `new-commitment` write.

Each builder plans a `FileSet` (relative path -> text) from Jinja2 templates in
`templates/scaffold/`, then writes it without ever replacing a file: every new file is
written to a temporary name and hard-linked into place, which fails if the name is taken.
"""

from ogpctl.scaffold.files import FileSet, Outcome, write_new

__all__ = ["FileSet", "Outcome", "write_new"]
