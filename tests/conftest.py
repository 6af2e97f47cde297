"""Fixtures shared by every test folder: the `../shared` material beside the checkout, when present."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.shared import INKJS


@pytest.fixture(scope="session")
def inkjs_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`../shared/tools/inkjs/run`, proven to work here (it installs inkjs from npm on first use).

    Skips, with the reason, where node, the script or the npm registry is missing: a user's fresh
    clone has no `../shared`, and a machine without network cannot install inkjs.
    """
    if not INKJS.is_file() or shutil.which("node") is None:
        pytest.skip("inkjs (../shared/tools/inkjs) or node is not available")
    probe = tmp_path_factory.mktemp("inkjs") / "probe.ink"
    probe.write_text("Hello.\n", encoding="utf-8")
    try:
        done = subprocess.run([str(INKJS), "compile", "-o", str(probe.with_suffix(".json")), str(probe)],
                              capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"inkjs could not run: {exc}")
    if done.returncode != 0:
        pytest.skip(f"inkjs could not run (npm install failed?): {done.stderr.strip()[-200:]}")
    return INKJS
