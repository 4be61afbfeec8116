"""The one place that finds ogpctl's data folders (`schemas/`, `templates/`).

Installed from a wheel they live in the package (`ogpctl/_data/`); in a source checkout
they sit beside the package. Nothing is ever looked up relative to the working directory.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

DataFolder = Literal["schemas", "templates"]


@cache
def data_dir(name: DataFolder) -> Path:
    packaged = Path(str(resources.files("ogpctl"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parents[2] / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"ogpctl's {name}/ folder is missing from the installation")
