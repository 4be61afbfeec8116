"""The files of a site with what the build knows of them already: the SHA-256 of each
page kept in the store (`ogpctl.site.build`), which the search index's keys and the output
folder's manifest (`ogpctl.base.outputs`) would otherwise compute again, tens of
megabytes a rebuild."""

from __future__ import annotations

import hashlib


def file_digest(data: bytes) -> str:
    """A file's SHA-256 in hex: the digest of the output folder's manifest."""
    return hashlib.sha256(data).hexdigest()


class Files(dict[str, bytes]):
    """{path: bytes} with `known`: {path: (those bytes, their `file_digest`)}. A digest is
    used only for the very bytes object it was made for, so a caller that replaces a
    file's bytes gets its digest computed again."""

    def __init__(self, files: dict[str, bytes] | None = None,
                 known: dict[str, tuple[bytes, str]] | None = None) -> None:
        super().__init__(files or {})
        self.known: dict[str, tuple[bytes, str]] = dict(known or {})

    def add(self, files: dict[str, bytes]) -> None:
        """`files` in, with what they know."""
        self.update(files)
        if isinstance(files, Files):
            self.known.update(files.known)

    def digests(self) -> dict[str, str]:
        """{path: digest} of the files whose digest is known, for the bytes they hold."""
        return {name: digest for name, (data, digest) in self.known.items()
                if self.get(name) is data}
