"""`dreamphases lsp` — the ink language server, over stdio, for editors (see docs/editor.md)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lsp", help="the ink language server for editors (speaks LSP over stdio)",
                       description="Run the ink language server on stdin/stdout. Editors start it; "
                                   "see docs/editor.md for VS Code, Neovim and Helix.")
    p.add_argument("--stdio", action="store_true", help="accepted for editors that pass it (stdio is the default)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from dreamphases.lsp.server import serve

    return serve()
