"""`pip install .` then `dreamphases play` from any folder: the wheel carries the bundled story.

Builds the real wheel (pip, with build isolation: setuptools comes from the package index), installs
it into a scratch folder and plays the bundled story from an unrelated working directory, where
`story/` does not exist.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORY_FILES = sorted(path.name for path in (ROOT / "story").glob("*.ink"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        if "No matching distribution" in done.stderr or "Could not find a version" in done.stderr:
            pytest.skip("the package index is not reachable to fetch the build backend")
        raise AssertionError(done.stderr[-2000:])
    (found,) = out.glob("dreamphases-*.whl")
    return found


def test_the_wheel_carries_every_story_file_and_the_licence(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert STORY_FILES and "dreamphases.ink" in STORY_FILES
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("dreamphases/_story/")) == STORY_FILES
    assert any(n.endswith("/LICENSE") for n in names)


@pytest.mark.slow
def test_the_installed_package_plays_the_bundled_story_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "Downloads"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "HOME": str(tmp_path / "home"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "80"}
    env.pop("DREAMPHASES_CACHE_DIR", None)
    run = [sys.executable, "-m", "dreamphases", "play"]
    played = subprocess.run([*run, "--choices", "1", "--autosave"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=300)
    assert played.returncode == 0, played.stderr
    assert played.stdout.strip()
    imported = subprocess.run([sys.executable, "-c", "import dreamphases; print(dreamphases.__file__)"],
                              cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert imported.stdout.startswith(str(site))  # the installed copy played, not the checkout
    # saves went to the user's data folder, so --continue finds them from another folder too
    assert list((tmp_path / "data" / "dreamphases" / "saves").glob("*/autosave.json"))
    resumed = subprocess.run([*run, "--continue", "--choices", ""], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "Loaded slot 'autosave'" in resumed.stdout
