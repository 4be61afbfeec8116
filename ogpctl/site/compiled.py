"""The site's templates compiled once: Jinja turns each template into Python code, 8 to
10 ms a template and a dozen a build, in each process that makes pages. `load_templates`
compiles them all before the pages are made (and so before the second process is forked,
which has them from then on), taking the compiled code from the record's store
(`ogpctl.site.store`) when an earlier build kept it.

A stored code object is used only for the very template it was compiled from, by the
same ogpctl: its key holds the template's name and path, the digest of its source,
Jinja's version and Python's (whose code objects differ from one version to the next),
and ogpctl's own code (`site.inputs.code_digest`: the environment's options are in
`site.layout`). The store is trusted as a whole or not at all, as it is for pages
(`Store.open`).
"""

from __future__ import annotations

import hashlib
import marshal
import sys
import types

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from ogpctl.site.inputs import code_digest
from ogpctl.site.store import Store


class StoredCode(BytecodeCache):
    """Jinja's bytecode cache over the site's store, while `store` is set."""

    def __init__(self) -> None:
        self.store: Store | None = None

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.store.get(_key(bucket)) if self.store is not None else None
        if found is None:
            return
        try:
            code = marshal.loads(found[0])
        except (ValueError, EOFError, TypeError):
            return
        if isinstance(code, types.CodeType):
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self.store is not None and bucket.code is not None:
            self.store.put(_key(bucket), marshal.dumps(bucket.code))


def load_templates(environment: jinja2.Environment, store: Store | None) -> None:
    """Every template of `environment` compiled (or taken from `store`) and kept by the
    environment for the rest of the process."""
    code = environment.bytecode_cache
    if isinstance(code, StoredCode):
        code.store = store
    try:
        for name in environment.list_templates(extensions=["j2"]):
            environment.get_template(name)
    finally:
        if isinstance(code, StoredCode):
            code.store = None


def _key(bucket: Bucket) -> bytes:
    """The store's key of a template's code: its name and path (`bucket.key`), source
    (`bucket.checksum`), the versions of Jinja and Python, and ogpctl's code."""
    parts = ("jinja code", bucket.key, bucket.checksum, jinja2.__version__, sys.version,
             sys.implementation.cache_tag, code_digest().hex())
    return hashlib.blake2b("\n".join(map(str, parts)).encode("utf-8", "surrogatepass"),
                           digest_size=20).digest()
