"""Python's cyclic garbage collector, paused while many long-lived objects are built.

Parsed YAML is dictionaries and lists that hold no cycles and are freed by reference
counting. The collector still scans every container each time enough of them have been
made, and a record's parsed documents live as long as its check, so it scans them again
and again: measured on the benchmark corpus, a quarter of `ogpctl check`'s CPU. While
paused, no collection runs; the collector takes up afterwards where it stands, and its
first pass then walks every container made in the block that is still alive: drop what
the block built before it ends (build it in a function called inside the block)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic collection inside the block (nested blocks leave it paused)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
