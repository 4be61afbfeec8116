"""Writing the site into a folder with `ogpctl.base.outputs.OutputFolder`: files ogpctl did not
write (or that were changed since) are never replaced without --force, and files of an
earlier build that this build no longer has are removed, but only when ogpctl wrote them
and nobody changed them since (a changed one is left in place and no longer claimed)."""

from __future__ import annotations

from pathlib import Path

from ogpctl.base.outputs import OutputFolder
from ogpctl.record.kinds import LANGUAGE
from ogpctl.site import urls
from ogpctl.site.files import Files

#: Top-level entries of a site; other names in the manifest belong to other commands.
OWN = {urls.ASSETS, urls.FILES, urls.DOCUMENTS, urls.DATA, urls.PAGEFIND, "index.html"}


def owned(name: str) -> bool:
    top = name.split("/", 1)[0]
    return top in OWN or ("/" in name and LANGUAGE.fullmatch(top) is not None)


def write_site(files: dict[str, bytes], out: Path, force: bool = False) -> tuple[int, int]:
    """(files written, stale files removed). A file already there with the same bytes
    (as ogpctl wrote it) is left alone, so a rebuild touches only what changed. The files
    are not flushed to disk one by one (a site is made again from the record; thousands of
    fsyncs were most of the time of a build): after a power loss, build again with
    --force. The digests a build knows already (`Files`) are not computed again."""
    known = files.digests() if isinstance(files, Files) else {}
    written, removed = OutputFolder(out, force=force, keep_same=True,
                                    durable=False).replace(files, owned, known)
    return len(written), removed
