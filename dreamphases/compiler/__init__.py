"""The pure-Python ink compiler: ink source → compiled ink JSON (inkVersion 21) + a story graph.

Pipeline, one stage per module: `source` (read files, resolve INCLUDEs inside the story folder) →
`parser` (lines → parsed hierarchy, `ast`) → `weave` (choices and gathers nested) → `resolve`
(declarations, names, loose ends, the story `graph`; diagnostics) → `emit` (runtime JSON).
docs/architecture.md has each stage's input and output. Errors are values: `compile_path` never
raises on bad input.
"""

from dreamphases.compiler.api import CompileResult, compile_path, compile_source
from dreamphases.compiler.diagnostics import Diagnostic, Severity, render

__all__ = ["CompileResult", "compile_path", "compile_source", "Diagnostic", "Severity", "render"]
