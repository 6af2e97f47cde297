"""`assert_never`: the end of every exhaustive pass (a forgotten case is a type error).

From `typing` where it exists (3.11+); `typing_extensions` is a large import that every compile
would pay for at start-up, so it is only used on 3.10.
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # pragma: no cover - Python 3.10
    from typing_extensions import assert_never

__all__ = ["assert_never"]
