"""The systemd unit kept in deploy/ is one systemd accepts as it stands."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "deploy" / "tin-chi-thi.service"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_the_systemd_unit_verifies_without_a_warning(tmp_path):
    # The unit names the documented install path; here it points at this checkout and interpreter.
    unit = UNIT.read_text(encoding="utf-8")
    unit = unit.replace("/opt/tin-chi-thi/.venv/bin/python", sys.executable).replace("/opt/tin-chi-thi", str(ROOT))
    copy = tmp_path / UNIT.name
    copy.write_text(unit, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr.strip()) == (0, "")


def test_the_unit_restarts_the_bot_when_it_exits_with_an_error():
    lines = UNIT.read_text(encoding="utf-8").splitlines()
    assert "Restart=on-failure" in lines and "ExecStart=/opt/tin-chi-thi/.venv/bin/python -m bot" in lines
