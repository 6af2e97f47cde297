"""Helpers for the compiler specifications: pick out one diagnostic, insist the compiler did not crash."""

from __future__ import annotations

from dreamphases.compiler import CompileResult, Diagnostic


def diagnostics_with(result: CompileResult, code: str) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.code == code]


def no_internal_error(result: CompileResult) -> None:
    """E000 means the compiler itself failed: always a bug, never an acceptable answer."""
    crashes = diagnostics_with(result, "E000")
    assert not crashes, crashes[0].message
