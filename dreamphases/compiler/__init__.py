"""The pure-Python ink compiler: ink source → compiled ink JSON (inkVersion 21) + a story graph.

Pipeline, one stage per module: `source` (read files, resolve INCLUDEs inside the story folder) →
`parser` (lines → parsed hierarchy, `ast`) → `resolve` (names, scopes, checks → diagnostics and the
`graph`) → `emit` (runtime JSON). Errors are values: `compile_path` never raises on bad input.
"""

from dreamphases.compiler.api import CompileResult, compile_path, compile_source
from dreamphases.compiler.diagnostics import Diagnostic, Severity, render

__all__ = ["CompileResult", "compile_path", "compile_source", "Diagnostic", "Severity", "render"]
