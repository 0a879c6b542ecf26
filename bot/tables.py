"""The word tables of bot/data: TOML files, each table keeping its source beside its words."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("data")


@functools.cache
def word_tables(name: str) -> dict[str, Any]:
    """bot/data/<name>.toml, read once."""
    with (DATA_DIR / f"{name}.toml").open("rb") as stream:
        return tomllib.load(stream)
