"""`dreamphases lsp`: the language server editors talk to over stdio (pygls + lsprotocol).

One module per concern, each with a small typed API and no editor protocol types below `server`:
`stories` (which story a file belongs to, compiled from the editor's buffers), `symbols` (what
every name in a compiled story means and where it is written), then one module per feature
(`outline`, `hover`, `completion`, `rename`, `exploring`), and `server`, which only converts
between those and LSP messages. The compiler, the lint rules and the explorer do the real work.
"""

from __future__ import annotations

__all__: list[str] = []
