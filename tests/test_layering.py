"""The package's layering rules, checked on the source so a new import cannot quietly break them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "dreamphases"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_runtime_package_imports_bink() -> None:
    outside = [str(path.relative_to(PACKAGE)) for path in sorted(PACKAGE.rglob("*.py"))
               if "runtime" not in path.relative_to(PACKAGE).parts[:1]
               and any(name == "bink" or name.startswith("bink.") for name in _imports(path))]
    assert outside == []


def test_the_lint_framework_does_not_import_its_rule_registry() -> None:
    """The registry (`tools/rules`) imports the framework (`tools/lint.py`), never the reverse."""
    code = "import sys, dreamphases.tools.lint; print('dreamphases.tools.rules' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
    assert not any(name.startswith("dreamphases.tools.rules") for name in _imports(PACKAGE / "tools" / "lint.py"))


# keys of the runtime's saved-state JSON: only `runtime/state.py` may know them
_STATE_KEYS = ("variablesState", "visitCounts", "callstack", "currentChoices", "choiceThreads")


def test_only_the_runtime_package_reads_the_runtime_state_format() -> None:
    outside = [f"{path.relative_to(PACKAGE)}: {key}" for path in sorted(PACKAGE.rglob("*.py"))
               if "runtime" not in path.relative_to(PACKAGE).parts[:1]
               for key in _STATE_KEYS if f'"{key}"' in path.read_text(encoding="utf-8")]
    assert outside == []


def test_only_the_exhaustive_module_imports_typing_extensions_in_the_compiler() -> None:
    """`typing_extensions` is a large import every compile would pay for at start-up; `exhaustive.py`
    takes `assert_never` from `typing` on 3.11+ and is the one place that may fall back to it."""
    compiler = PACKAGE / "compiler"
    outside = [path.name for path in sorted(compiler.glob("*.py"))
               if path.name != "exhaustive.py" and "typing_extensions" in _imports(path)]
    assert outside == []


def test_the_compile_command_neither_builds_nor_imports_the_story_graph(tmp_path: Path) -> None:
    """The graph is for the tools; `compile` writes the JSON without it (a sixth of its time)."""
    story = tmp_path / "story.ink"
    story.write_text("VAR x = 1\n{x > 0: Hello.}\n* [Go] -> END\n", encoding="utf-8")
    code = ("import sys; from dreamphases.cli import main; "
            f"assert main(['compile', {str(story)!r}]) == 0; "
            "print(sorted(m for m in sys.modules if m.split('.')[-1] in ('graph', 'graph_build', 'expr_tree')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
    assert story.with_suffix(".json").is_file()
