"""The expression grammar: tokens → expression AST by precedence climbing.

Precedences follow inkle's parser exactly (including its quirk of giving `-` a higher precedence
than `+`, and `/` higher than `*`), so that integer arithmetic gives the same results as inklecate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dreamphases.compiler.ast import (
    Binary,
    Bool,
    Call,
    DivertTarget,
    Expr,
    Inline,
    ListLit,
    Name,
    Number,
    Postfix,
    StringLit,
    Unary,
)
from dreamphases.compiler.diagnostics import Span
from dreamphases.compiler.scan import structure

__all__ = ["ExprError", "parse_expression"]


#: inklecate's rule for text (a choice's, an alternative's, a string's): '~' cannot start it
TILDE_IN_TEXT = "'~' starts logic only on a line of its own"
TILDE_HINT = "put the logic on the next line ('~ x = 1'), or inline in braces: {f()}"


class ExprError(Exception):
    """A problem at a 0-based column of the expression's text: raised when the text does not parse
    (always E003), or collected when it parses but inklecate refuses the construct (its own code)."""

    def __init__(self, message: str, col: int, code: str = "E003", hint: str | None = None) -> None:
        super().__init__(message)
        self.col = col
        self.code = code
        self.hint = hint


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>\d+\.\d+|\d+(?![\w]))
  | (?P<str>")
  | (?P<op>->|==|!=|<=|>=|&&|\|\||!\?|\+\+|--|\+=|-=|[-+*/%<>!=?^(),])
  | (?P<id>[^\W]+(?:\.[^\W]+)*)
    """,
    re.VERBOSE | re.UNICODE,
)

_WORD_OPS = {"and": "&&", "or": "||", "not": "!", "mod": "%", "has": "?", "hasnt": "!?"}

# (precedence, canonical op)
_BINARY: dict[str, int] = {
    "&&": 1, "||": 1,
    "==": 2, ">=": 2, "<=": 2, "<": 2, ">": 2, "!=": 2,
    "?": 3, "!?": 3, "^": 3,
    "+": 4, "-": 5, "*": 6, "/": 7, "%": 8,
}


@dataclass(slots=True)
class Tok:
    """One token of an expression."""

    kind: str  # num, str, op, id, end
    text: str
    col: int  # 0-based offset within the expression text
    end: int


def _tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    i, n = 0, len(text)
    while i < n:
        m = _TOKEN.match(text, i)
        if not m:
            raise ExprError(f"unexpected character {text[i]!r} in expression", i)
        kind = m.lastgroup or ""
        if kind == "ws":
            i = m.end()
            continue
        if kind == "str":
            j = i + 1
            depth = 0
            while j < n:
                c = text[j]
                if c == "\\":
                    j += 2
                    continue
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                elif c == '"' and depth <= 0:
                    break
                j += 1
            if j >= n:
                raise ExprError("unterminated string literal", i)
            toks.append(Tok("str", text[i + 1:j], i, j + 1))
            i = j + 1
            continue
        word = m.group()
        if kind == "id" and word in _WORD_OPS:
            toks.append(Tok("op", _WORD_OPS[word], i, m.end()))
        else:
            toks.append(Tok(kind, word, i, m.end()))
        i = m.end()
    toks.append(Tok("end", "", n, n))
    return toks


class _Parser:
    def __init__(self, text: str, span: Span, parse_string: Callable[[str, int], list[Inline]]) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.pos = 0
        self.base = span
        self.parse_string = parse_string
        #: constructs that parse but that inklecate refuses; reported by the caller, never raised, so
        #: a caller asking "is this an expression at all?" gets the same answer as inklecate's parser
        self.problems: list[ExprError] = []
        #: the `x++` / `x--` tokens seen: allowed only as a whole `~` statement
        self.postfixes: list[Tok] = []

    def span(self, tok: Tok) -> Span:
        return Span(self.base.file, self.base.line, self.base.col + tok.col)

    def peek(self) -> Tok:
        return self.toks[self.pos]

    def take(self) -> Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def expect(self, text: str) -> Tok:
        tok = self.take()
        if tok.text != text or tok.kind not in ("op",):
            raise ExprError(f"expected '{text}' but found '{tok.text or 'end of expression'}'", tok.col)
        return tok

    def expression(self, min_prec: int = 0) -> Expr:
        left = self.unary()
        while True:
            tok = self.peek()
            if tok.kind != "op" or tok.text not in _BINARY:
                return left
            prec = _BINARY[tok.text]
            if prec <= min_prec:
                return left
            self.take()
            right = self.expression(prec)
            self._check_binary(tok, left, right)
            left = Binary(tok.text, left, right, self.span(tok))

    def _check_binary(self, tok: Tok, left: Expr, right: Expr) -> None:
        if tok.text == "?" and isinstance(left, Unary) and left.op == "!":
            self.problems.append(ExprError(
                "'not' here negates only the value on its left, not the result of '?' or 'has'",
                left.span.col - self.base.col, "E031", "add parentheses: not (a ? b)"))
        if isinstance(left, DivertTarget) or isinstance(right, DivertTarget):
            comparable = (DivertTarget, Name)
            if tok.text not in ("==", "!=") or not (isinstance(left, comparable) and isinstance(right, comparable)):
                target = left if isinstance(left, DivertTarget) else right
                self._divert_misuse(target)

    def _divert_misuse(self, target: Expr) -> None:
        assert isinstance(target, DivertTarget)
        self.problems.append(ExprError(
            "a divert target can only be compared with '==' or '!=', stored, passed or diverted to",
            target.span.col - self.base.col, "E028",
            f"to read how often '{target.path}' was seen, drop the arrow: {target.path}; "
            f"to call it, write {target.path}()"))

    def unary(self) -> Expr:
        tok = self.peek()
        if tok.kind == "op" and tok.text in ("-", "!"):
            self.take()
            operand = self.unary()
            if tok.text == "-" and isinstance(operand, Number):
                return Number(-operand.value, self.span(tok))
            if isinstance(operand, DivertTarget):
                self._divert_misuse(operand)
            return Unary(tok.text, operand, self.span(tok))
        return self.primary()

    def primary(self) -> Expr:
        tok = self.take()
        sp = self.span(tok)
        if tok.kind == "num":
            return Number(float(tok.text) if "." in tok.text else int(tok.text), sp)
        if tok.kind == "str":
            self._check_string(tok)
            return StringLit(self.parse_string(tok.text, self.base.col + tok.col + 1), sp)
        if tok.kind == "op" and tok.text == "->":
            target = self.take()
            if target.kind != "id":
                raise ExprError("expected a knot, stitch or label after '->'", target.col)
            if target.text in ("END", "DONE"):
                self.problems.append(ExprError(
                    f"'-> {target.text}' cannot be a divert target value", tok.col, "E028",
                    f"divert to it instead: '-> {target.text}' on a line of its own"))
            return DivertTarget(target.text, sp)
        if tok.kind == "op" and tok.text == "(":
            if self.peek().text == ")":
                self.take()
                return ListLit([], sp)
            first = self.expression()
            if self.peek().text == ",":
                items = [self._list_item(first)]
                while self.peek().text == ",":
                    self.take()
                    items.append(self._list_item(self.expression()))
                self.expect(")")
                return ListLit(items, sp)
            self.expect(")")
            return first
        if tok.kind == "id":
            if tok.text in ("true", "false"):
                return Bool(tok.text == "true", sp)
            if self.peek().text == "(" and self.peek().kind == "op":
                self.take()
                args: list[Expr] = []
                if self.peek().text != ")":
                    args.append(self.expression())
                    while self.peek().text == ",":
                        self.take()
                        args.append(self.expression())
                self.expect(")")
                return Call(tok.text, args, sp)
            nxt = self.peek()
            if nxt.kind == "op" and nxt.text in ("++", "--"):
                self.take()
                self.postfixes.append(nxt)
                return Postfix(nxt.text, Name(tok.text, sp), sp)
            return Name(tok.text, sp)
        found = tok.text or "end of expression"
        raise ExprError(f"expected a value but found '{found}'", tok.col)

    def _check_string(self, tok: Tok) -> None:
        """A string literal's text is content, but inklecate ends it at a '|' outside braces and
        refuses a tag or a divert in it: the first of those is a problem."""
        text = tok.text
        if text.lstrip(" \t").startswith("~"):
            self.problems.append(ExprError(TILDE_IN_TEXT, tok.col + 1 + len(text) - len(text.lstrip(" \t")), "E001",
                                           TILDE_HINT))
        if "|" not in text and "#" not in text and "->" not in text and "<-" not in text:
            return
        for at, c, depth in structure(text, "|#-<"):
            if c == "#":
                what, hint = "a tag", "write '\\#' for a hash sign"
            elif depth == 0 and c == "|":
                what, hint = "a '|' outside braces", "write '\\|' for a bar, or put alternatives in braces: \"{a|b}\""
            elif depth == 0 and text.startswith(("->", "<-"), at):
                what, hint = "a divert", "divert outside the string, or keep the target in a divert target value"
            else:
                continue
            self.problems.append(ExprError(f"a string cannot contain {what}", tok.col + 1 + at, "E033", hint))
            return

    @staticmethod
    def _list_item(expr: Expr) -> str:
        if isinstance(expr, Name):
            return expr.name
        raise ExprError("a list literal may only contain list item names", 0)


def parse_expression(
    text: str, span: Span, parse_string: Callable[[str, int], list[Inline]],
    problems: list[ExprError] | None = None, statement: bool = False,
) -> Expr:
    """Parse a whole expression; raises ExprError (with a 0-based column into `text`) when it does
    not parse. Constructs that parse but that inklecate refuses go to `problems`. `statement`: the
    expression is a whole `~` line, the one place `x++` may stand."""
    if not text.strip():
        raise ExprError("expected an expression", 0)
    p = _Parser(text, span, parse_string)
    expr = p.expression()
    tok = p.peek()
    if tok.kind != "end":
        raise ExprError(f"unexpected '{tok.text}' after expression", tok.col)
    if problems is not None:
        problems.extend(p.problems)
        for inc in p.postfixes:
            if not (statement and isinstance(expr, Postfix)):
                problems.append(ExprError(
                    f"'{inc.text}' can only stand alone on a '~' line", inc.col, "E027",
                    f"increment on a line of its own ('~ x{inc.text}'), then use the variable"))
    return expr
