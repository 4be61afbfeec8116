"""The one place that finds ogpctl's data folders (`schemas/`, `templates/`).

Installed from a wheel they live in the package (`ogpctl/_data/`); in a source checkout
they sit beside the package. Nothing is ever looked up relative to the working directory.
The package is found from this file, not with `importlib.resources`: importing that costs
about 5 ms at every start (tempfile, zipfile), a tenth of a warm check, and for a package
on disk its `files("ogpctl")` is this same folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

DataFolder = Literal["schemas", "templates"]


@cache
def data_dir(name: DataFolder) -> Path:
    packaged = Path(__file__).parents[1] / "_data" / name
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parents[2] / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"ogpctl's {name}/ folder is missing from the installation")
