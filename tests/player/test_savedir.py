"""Where saves go without `--saves`: the project's `saves/` inside a project, else the user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from dreamphases.player.savedir import default_saves_dir


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return home


@pytest.mark.parametrize("marker", ["pyproject.toml", ".git", "saves"])
def test_inside_a_project_saves_go_to_its_saves_folder(home: Path, marker: str) -> None:
    project = home / "my-story"
    (project / "chapters" / "one").mkdir(parents=True)
    (project / marker).mkdir() if marker != "pyproject.toml" else (project / marker).write_text("")
    where = default_saves_dir(None, project / "chapters" / "one")
    assert where.path == project.resolve() / "saves"
    assert where.why == "the project's saves folder"


def test_anywhere_else_saves_go_to_the_user_data_folder(home: Path, tmp_path: Path) -> None:
    downloads = home / "Downloads"
    downloads.mkdir()
    where = default_saves_dir(None, downloads)
    assert where.path == tmp_path / "data" / "dreamphases" / "saves"
    assert where.why == "your user data folder"


def test_the_home_folder_itself_is_not_a_project(home: Path, tmp_path: Path) -> None:
    (home / ".git").mkdir()  # dotfiles kept in git
    assert default_saves_dir(None, home).path == tmp_path / "data" / "dreamphases" / "saves"


def test_saves_given_on_the_command_line_win(home: Path, tmp_path: Path) -> None:
    where = default_saves_dir(tmp_path / "mine", home)
    assert where.path == tmp_path / "mine" and where.why == "set with --saves"
