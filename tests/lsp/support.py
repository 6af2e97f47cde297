"""The language-server tests' editor: a client plus the story folder, with the steps every test takes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as T
from pytest_lsp import LanguageClient


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
