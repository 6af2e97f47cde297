"""DreamPhases' test suite. Helpers live in plain modules (`tests/<area>/support.py`, `tests/shared.py`) and are
imported absolutely (`from tests.compiler.support import …`); conftest modules only declare fixtures."""
