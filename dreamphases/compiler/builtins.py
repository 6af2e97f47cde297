"""ink's built-in functions: name → (fewest arguments, most arguments, runtime name), in one table."""

from __future__ import annotations

__all__ = ["BUILTINS", "TARGET_BUILTINS", "RESERVED", "UNSAFE_NAMES"]

#: name → (min args, max args, runtime command or native function name)
BUILTINS: dict[str, tuple[int, int, str]] = {
    "CHOICE_COUNT": (0, 0, "choiceCnt"),
    "TURNS": (0, 0, "turn"),
    "TURNS_SINCE": (1, 1, "turns"),
    "READ_COUNT": (1, 1, "readc"),
    "RANDOM": (2, 2, "rnd"),
    "SEED_RANDOM": (1, 1, "srnd"),
    "INT": (1, 1, "INT"),
    "FLOAT": (1, 1, "FLOAT"),
    "FLOOR": (1, 1, "FLOOR"),
    "CEILING": (1, 1, "CEILING"),
    "POW": (2, 2, "POW"),
    "MIN": (2, 2, "MIN"),
    "MAX": (2, 2, "MAX"),
    "LIST_COUNT": (1, 1, "LIST_COUNT"),
    "LIST_MIN": (1, 1, "LIST_MIN"),
    "LIST_MAX": (1, 1, "LIST_MAX"),
    "LIST_ALL": (1, 1, "LIST_ALL"),
    "LIST_INVERT": (1, 1, "LIST_INVERT"),
    "LIST_VALUE": (1, 1, "LIST_VALUE"),
    "LIST_RANDOM": (1, 1, "lrnd"),
    "LIST_RANGE": (3, 3, "range"),
}

#: built-ins whose argument is a divert target (`TURNS_SINCE(-> knot)`)
TARGET_BUILTINS = {"TURNS_SINCE", "READ_COUNT"}

#: the names inklecate refuses for anything a writer declares (its keywords and built-in functions)
RESERVED = {"true", "false", "not", "return", "else", "VAR", "CONST", "temp", "LIST", "function"} | set(BUILTINS)

#: names a rename must not produce: also the word operators and the words with a meaning of their own,
#: which inklecate lets a writer declare but which then read as something else (`{and}`, `-> END`)
UNSAFE_NAMES = RESERVED | {"and", "or", "mod", "has", "hasnt", "INCLUDE", "EXTERNAL", "END", "DONE", "ref"}
