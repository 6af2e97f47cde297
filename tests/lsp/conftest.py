"""A real LSP client (pytest-lsp) talking to `dreamphases lsp` over stdio, on a multi-file story."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.lsp.support import Editor

MAIN = """\
# title: The house
# stat: courage, Courage, 0..10
INCLUDE parts/hall.ink
INCLUDE lib.ink
VAR courage = 0
CONST LIMIT = 5
LIST mood = calm, (tense), angry
-> hall
"""

HALL = """\
== hall ==
The hall is dark. {courage > LIMIT: You feel brave.}
~ mood = calm
* [Open the door] -> hall.door
* (wait) [Wait]
  ~ courage = add(courage, 1)
  -> cellar ->
  -> door
= door
You open the door. {hall.wait: You waited a while.} {mood == calm: You stay calm.} {courage > 0: Braver.}
<- whisper
-> DONE
"""

LIB = """\
== function add(a, b) ==
~ return a + b

== cellar ==
It is cold in the cellar. # speaker: Ada
~ temp steps = 3
~ steps = steps + 1
{steps} steps down.
->->

== whisper ==
Something whispers your name.
-> DONE
"""

STORY = {"main.ink": MAIN, "parts/hall.ink": HALL, "lib.ink": LIB}


def write_story(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def story_root(tmp_path: Path) -> Path:
    return write_story(tmp_path / "house", STORY)


@pytest.fixture(scope="module")
def shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_story(tmp_path_factory.mktemp("shared") / "house", STORY)


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "dreamphases", "lsp"])


async def _running(root: Path) -> AsyncIterator[LanguageClient]:
    """pytest-lsp's client on a server subprocess (its pytest plugin is off: see pyproject.toml)."""
    client = await SERVER.start()
    assert isinstance(client, LanguageClient)
    await client.initialize_session(T.InitializeParams(
        capabilities=T.ClientCapabilities(), root_uri=root.as_uri(),
        workspace_folders=[T.WorkspaceFolder(uri=root.as_uri(), name="house")],
        initialization_options={"debounce_ms": 0}))
    yield client
    await client.shutdown_session()
    await client.stop()


@pytest_asyncio.fixture
async def client(story_root: Path) -> AsyncIterator[LanguageClient]:
    """A fresh server for a test that edits the story."""
    async for running in _running(story_root):
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_client(shared_root: Path) -> AsyncIterator[LanguageClient]:
    """One server for a module's read-only tests (they open files but never change them)."""
    async for running in _running(shared_root):
        yield running


@pytest.fixture
def editor(client: LanguageClient, story_root: Path) -> Editor:
    return Editor(client, story_root, {})


@pytest.fixture
def reader(shared_client: LanguageClient, shared_root: Path) -> Editor:
    return Editor(shared_client, shared_root, {})
