"""Writer tools over the story graph: `check` (compiler diagnostics + lint rules), `map`, `stats`, `watch`.

They read `dreamphases.compiler.graph.StoryGraph`, never the AST, so the parser can change freely.
"""
