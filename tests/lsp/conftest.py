"""A real LSP client (pytest-lsp) talking to `dreamphases lsp` over stdio, on a multi-file story."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient

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


@dataclass
class Editor:
    """The client plus the story folder, with the few steps every test takes."""

    client: LanguageClient
    root: Path

    def uri(self, name: str) -> str:
        return (self.root / name).resolve().as_uri()

    def text(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def open(self, name: str, text: str | None = None) -> None:
        self.client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(
            uri=self.uri(name), language_id="ink", version=1, text=self.text(name) if text is None else text)))

    def replace(self, name: str, text: str, version: int = 2) -> None:
        """Replace the whole buffer (an editor sends ranges; a full-text change is also LSP)."""
        self.client.text_document_did_change(T.DidChangeTextDocumentParams(
            T.VersionedTextDocumentIdentifier(uri=self.uri(name), version=version),
            [T.TextDocumentContentChangeWholeDocument(text=text)]))

    async def settle(self, name: str) -> None:
        """Wait until the server has compiled the latest edits (and so published their diagnostics)."""
        await self.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(T.TextDocumentIdentifier(self.uri(name))))

    def diagnostics(self, name: str) -> list[T.Diagnostic]:
        return list(self.client.diagnostics.get(self.uri(name), []))

    def position(self, name: str, needle: str, nth: int = 0, offset: int = 0) -> T.Position:
        """Where the `nth` occurrence of `needle` is in `name` (plus `offset` characters)."""
        text = self.text(name) if name not in self.buffers else self.buffers[name]
        at = -1
        for _ in range(nth + 1):
            at = text.index(needle, at + 1)
        line = text.count("\n", 0, at)
        col = at - (text.rfind("\n", 0, at) + 1)
        return T.Position(line, col + offset)

    buffers: dict[str, str]

    def doc(self, name: str) -> T.TextDocumentIdentifier:
        return T.TextDocumentIdentifier(self.uri(name))


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
