"""What the bot reads at run time ships with the package, not only with a checkout."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_the_bot_reads_is_declared_as_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["bot"]
    package = ROOT / "bot"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file() and p.suffix != ".py"]
    data = [p for p in data if "__pycache__" not in p]
    assert data and [p for p in data if not any(fnmatch.fnmatch(p, pattern) for pattern in patterns)] == []
