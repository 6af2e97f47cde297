"""Multiline `{…}` blocks: conditionals, switches and sequences whose bodies span several lines.

A mixin of the line parser (`parser._FileParser`): a block's branches are parsed with the same
statement parser as everything else, so choices, logic and nested blocks work inside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from dreamphases.compiler.ast import Branch, Conditional, ContentLine, Newline, Sequence, Stmt
from dreamphases.compiler.diagnostics import Span
from dreamphases.compiler.expressions import ExprError, parse_expression
from dreamphases.compiler.inline import (
    SEQUENCE_SYMBOL_CHARS,
    SUPPORTED_SEQUENCES,
    InlineParser,
    sequence_kind,
    symbols_kind,
)
from dreamphases.compiler.scan import brace_balance, find_top_level, unmatched_close

__all__ = ["BlockParser", "MAX_BLOCK_DEPTH"]

MAX_BLOCK_DEPTH = 48


@dataclass(slots=True)
class _RawBranch:
    """One `- …` branch of a multiline block as read, before the block's kind gives it a meaning."""

    cond: str | None  # the text before the branch's ':' (None: no condition)
    body: list[Stmt]
    line: int
    col: int
    #: False for the lines before a block's first '-' (only a '{condition:' block may have them)
    dashed: bool = True
    #: text after the '-' (or its condition) or a non-blank line before the next branch
    has_content: bool = True

    @property
    def is_else(self) -> bool:
        return self.cond is not None and self.cond.strip() == "else"


class BlockParser:
    # provided by the line parser
    lines: list[str]
    i: int
    inline: InlineParser
    block_depth: int
    block_tail: bool
    too_deep: bool

    def span(self, line: int, col: int = 1) -> Span:
        raise NotImplementedError

    def error(self, code: str, msg: str, line: int, col: int = 1, hint: str | None = None) -> None:
        raise NotImplementedError

    def block_body(self) -> list[Stmt]:
        """The statements of a block's body, up to its next branch or its closing brace."""
        raise NotImplementedError

    def block_line(self, raw: str, lineno: int) -> list[Stmt]:
        """The statements of one line inside a block."""
        raise NotImplementedError

    # -- multiline blocks -----------------------------------------------------------------------------
    def block(self, raw: str, lineno: int, col: int) -> Stmt | None:
        """A `{` at the start of a line whose `}` is on a later line."""
        if self.block_depth >= MAX_BLOCK_DEPTH:
            self.error("E021", "blocks nested too deeply", lineno, col)
            self.too_deep = True  # the enclosing blocks are cut short too: no E002 for each
            self.i = len(self.lines)
            return None
        self.block_depth += 1
        try:
            return self._block(raw, lineno, col)
        finally:
            self.block_depth -= 1

    def _next_closes(self) -> bool:
        """Is the next non-blank line the block's closing '}'?"""
        j = self.i
        while j < len(self.lines) and not self.lines[j].strip():
            j += 1
        return j < len(self.lines) and self.lines[j].strip().startswith("}")

    def _block(self, raw: str, lineno: int, col: int) -> Stmt | None:
        sp = self.span(lineno, col)
        header = raw.strip()[1:]
        hcol = col + 1
        self.i += 1
        colon = find_top_level(header, ":")
        subject = None
        kind = None
        first_line: str | None = None
        symbols = header.strip()
        if colon < 0 and symbols and not symbols.strip(SEQUENCE_SYMBOL_CHARS):
            # `{&`, `{~!` … alone on the line: a multiline sequence, as `{cycle:` is
            kind = symbols_kind(symbols)
            if kind not in SUPPORTED_SEQUENCES:
                self.error("E001", f"'{symbols}' is not a sequence ink supports", lineno, hcol,
                           "use &, !, ~, $, '~!' or '~$'")
            bodies = [b.body for b in self.branches(lineno)]
            return Sequence(kind, bodies, sp, inline=False)
        if colon >= 0 and not header[colon + 1:].strip() and self._next_closes():
            self.error("E001", "this block has no content before its '}'", lineno, hcol - 1,
                       "inklecate wants at least one line (or branch) inside '{…:' … '}'")
        if colon >= 0:
            head = header[:colon]
            kind = sequence_kind(head)
            if kind is not None and kind not in SUPPORTED_SEQUENCES:
                self.error("E001", f"'{head.strip()}' is not a sequence ink supports", lineno, hcol,
                           "use once, cycle, shuffle, stopping, 'shuffle once' or 'shuffle stopping'")
            if kind is None:
                subject = self.inline.condition(head, lineno, hcol)
                if subject is None:
                    self.skip_block()
                    return None
            after = header[colon + 1:]
            if after.strip():
                # inklecate reads `{cond: text` as inline logic, which must close on its own line
                self.error("E002", "this '{' is never closed on its line", lineno, hcol - 1,
                           "a multiline block's first line ends at its ':'; put the text on the next line")
                first_line = " " * (hcol + colon) + after
        elif header.strip():
            if self.skip_block():
                self.error("E001", "a multiline block starts with '{', '{condition:', '{value:' or '{stopping:'",
                           lineno, hcol)
            else:
                self.error("E002", "this '{' is never closed", lineno, hcol - 1,
                           "close it with '}' on the same line")
            return None
        if kind is not None:
            elements = self.branches(lineno)
            if elements and not elements[0].dashed:
                first = elements[0]
                self.error("E030", "a multiline sequence's elements each start with '-'", first.line, first.col,
                           "start the element with '- ', or write the text on one line: {stopping: a|b}")
            return Sequence(kind, [b.body for b in elements], sp, inline=False)
        if subject is not None and (first_line is not None or not self._next_is_branch()):
            # `{ condition:` with a body, then optionally `- else:`
            body: list[Stmt] = [ContentLine([Newline()], sp)]
            if first_line is not None:
                body.extend(self.block_line(first_line, lineno))
            body.extend(self.block_body())
            branches = [Branch(subject, body, inline=False, span=sp)]
            for n, b in enumerate(self.branches(lineno, with_conditions=True)):
                if not b.is_else:
                    self.error("E001", "after '{condition:' and its body only '- else:' may follow", b.line, col)
                elif n > 0:
                    self.error("E030", "a '{condition:' block has one '- else:' at most", b.line, b.col)
                else:
                    self._branch_content(b, col)
                    branches.append(Branch(None, b.body, is_else=True, inline=False, span=self.span(b.line, col)))
            return Conditional(None, branches, sp, inline=False, initial=True)
        raw_branches = self.branches(lineno, with_conditions=True)
        if not raw_branches and subject is None:
            self.error("E001", "this block has no content before its '}'", lineno, col,
                       "a multiline block holds '- condition:' branches: {\n- x > 1: text\n}")
        has_cases = any(b.cond is not None and not b.is_else for b in raw_branches)
        for b in raw_branches:
            if b.cond is None or b.is_else:
                self._branch_content(b, col)
        if (subject is None or len(raw_branches) > 2) and raw_branches:
            self._else_last(raw_branches, subject is None, col)
        branches = []
        if subject is not None and not has_cases:
            # `{ condition:` `- then…` `- otherwise…`
            then: Branch | None = None
            otherwise: Branch | None = None
            for cond_text, body, bline in ((b.cond, b.body, b.line) for b in raw_branches):
                if cond_text is not None and cond_text.strip() == "else" and otherwise is None:
                    otherwise = Branch(None, body, is_else=True, inline=False, span=self.span(bline, col))
                elif then is None and otherwise is None:
                    then = Branch(subject, body, inline=False, span=self.span(bline, col))
                elif otherwise is None:
                    otherwise = Branch(None, body, is_else=True, inline=False, span=self.span(bline, col))
                else:
                    self.error("E001", "a '{condition:' block has at most two branches (then, else)", bline, col)
            branches = [then or Branch(subject, [], inline=False, span=sp)] + ([otherwise] if otherwise else [])
            return Conditional(None, branches, sp, inline=False, initial=True)
        for n, (cond_text, body, bline) in enumerate((b.cond, b.body, b.line) for b in raw_branches):
            if cond_text is None and n == len(raw_branches) - 1 and n > 0:
                # a last branch without a condition (or a switch's without a value) is the else
                branches.append(Branch(None, body, is_else=True, inline=False, span=self.span(bline, col)))
                continue
            if cond_text is None:
                what = "case of a switch needs a value: '- 1:'" if subject is not None else \
                    "branch of a multiline conditional needs a condition: '- x > 1:'"
                self.error("E001", f"each {what}", bline, col)
                continue
            if cond_text.strip() == "else":
                branches.append(Branch(None, body, is_else=True, inline=False, span=self.span(bline, col)))
                continue
            value = self.inline.condition(cond_text, bline, col + 1)
            branches.append(Branch(value, body, inline=False, span=self.span(bline, col)))
        return Conditional(subject, branches, sp, inline=False)

    def _branch_content(self, b: _RawBranch, col: int) -> None:
        """inklecate wants content in a branch that has no condition of its own (`-`, `- else:`)."""
        if not b.has_content:
            self.error("E030", "this branch has no condition and no content", b.line, b.col,
                       "give it a line of text, or '-> DONE'; or remove it")

    def _else_last(self, raw: list[_RawBranch], conditions: bool, col: int) -> None:
        """Only the last branch may be an `- else:`; in a block of conditions, only one may be."""
        last = raw[-1]
        for b in raw[:-1]:
            if b.is_else:
                if last.is_else and conditions:
                    self.error("E030", "a multiline conditional has one '- else:' at most, at its end", last.line,
                               last.col, "merge the two else branches")
                else:
                    self.error("E030", "'- else:' must be the last branch", b.line, b.col,
                               "move it after the other branches")
                return

    def _next_is_branch(self) -> bool:
        j = self.i
        while j < len(self.lines) and not self.lines[j].strip():
            j += 1
        if j >= len(self.lines):
            return False
        s = self.lines[j].strip()
        return s.startswith("-") and not s.startswith("->")

    def branches(self, start_line: int, with_conditions: bool = False) -> list[_RawBranch]:
        """Parse `- …` branches up to the closing `}`."""
        out: list[_RawBranch] = []
        while True:
            if self.i >= len(self.lines):
                if not self.too_deep:
                    self.error("E002", "this multiline block is never closed with '}'", start_line, 1)
                return out
            raw = self.lines[self.i]
            line = raw.strip()
            if not line:
                self.i += 1
                continue
            if line.startswith("}"):
                rest = raw[raw.index("}") + 1:]
                self.i += 1
                if rest.strip():
                    # the line goes on after the block closes: parse the rest as the same line
                    self.i -= 1
                    self.lines[self.i] = " " * (len(raw) - len(rest)) + rest
                    self.block_tail = True
                return out
            lineno = self.i + 1
            col = len(raw) - len(raw.lstrip()) + 1
            if not (line.startswith("-") and not line.startswith("->")):
                # content before the first branch marker
                out.append(_RawBranch(None, self.block_body(), lineno, col, dashed=False))
                continue
            text = line[1:]
            tcol = col + 1
            dashes = text.lstrip(" \t")
            if dashes.startswith("-") and not dashes.startswith("->"):
                self.error("E035", "a gather ('- -') cannot stand inside a multiline block", lineno,
                           tcol + len(text) - len(dashes), "a block's branches start with one '-'; "
                           "to gather choices, end the block first")
            cond: str | None = None
            if with_conditions:
                colon = find_top_level(text, ":")
                if colon >= 0 and _is_condition(text[:colon]):
                    cond = text[:colon]
                    text = text[colon + 1:]
                    tcol += colon + 1
            self.i += 1
            body: list[Stmt] = [ContentLine([Newline()], self.span(lineno, col))]
            if text.strip():
                close = unmatched_close(text)
                if close >= 0:
                    head = text[:close]
                    if head.strip():
                        body.extend(self.block_line(" " * (tcol - 1) + head, lineno))
                    self.i -= 1
                    self.lines[self.i] = " " * (tcol - 1 + close) + text[close:]
                    out.append(_RawBranch(cond, body, lineno, col, has_content=bool(head.strip())))
                    continue
                if text.lstrip().startswith("{") and brace_balance(text) > 0:
                    self.i -= 1
                    self.lines[self.i] = " " * (tcol - 1) + text
                else:
                    body.extend(self.block_line(" " * (tcol - 1) + text, lineno))
            first = self.i
            body.extend(self.block_body())
            # or a line of its own before the next branch
            has_content = bool(text.strip()) or any(self.lines[k].strip() for k in range(first, self.i))
            out.append(_RawBranch(cond, body, lineno, col, has_content=has_content))

    def skip_block(self) -> bool:
        """Skip to the end of a block; False when the file ends before it closes."""
        depth = 1
        while self.i < len(self.lines) and depth > 0:
            depth += brace_balance(self.lines[self.i])
            self.i += 1
        return depth <= 0


def _is_condition(text: str) -> bool:
    if text.strip() == "else":
        return True
    try:
        parse_expression(text, Span("", 1, 1), lambda _s, _c: [])
    except (ExprError, RecursionError):
        return False
    return True
