"""Parsing: a `SourceSet` → the parsed hierarchy (`ast.Story`).

ink is line-based, so each line is classified first (knot header, choice, gather, logic, declaration,
content, the start of a multiline `{…}` block) and its text handed to `InlineParser`. Files are parsed
separately and merged the way inklecate merges INCLUDEs: an included file's top-level content goes
where the INCLUDE line was, its knots join the story's knots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dreamphases.compiler.ast import (
    Assign,
    Call,
    Choice,
    Conditional,
    ContentLine,
    Divert,
    Expr,
    ExprStmt,
    External,
    Flow,
    Gather,
    Inline,
    ListDecl,
    ListItemDef,
    Newline,
    Param,
    Postfix,
    Return,
    Sequence,
    Stmt,
    Story,
    Tag,
    Text,
    VarDecl,
    Weave,
    has_call,
)
from dreamphases.compiler.blocks import BlockParser
from dreamphases.compiler.diagnostics import Diagnostic, Span
from dreamphases.compiler.inline import InlineParser, space_before_divert
from dreamphases.compiler.scan import (
    brace_balance,
    find_top_level,
    first_at_top,
    matching_brace,
    split_commas,
    unmatched_close,
    unmatched_open,
)
from dreamphases.compiler.source import SourceFile, SourceSet

__all__ = ["ParseCache", "parse"]

_IDENT = r"[^\W][\w]*"
_KNOT = re.compile(r"^={2,}\s*(?:(function)\s+)?(" + _IDENT + r")\s*(?:\((.*)\))?\s*(?:={2,}\s*)?$", re.UNICODE)
_STITCH = re.compile(r"^=\s*(" + _IDENT + r")\s*(?:\((.*)\))?\s*$", re.UNICODE)
_DECL = re.compile(r"^(VAR|CONST)\s+(" + _IDENT + r")\s*=\s*(.*)$", re.UNICODE)
_LIST = re.compile(r"^LIST\s+(" + _IDENT + r")\s*=\s*(.*)$", re.UNICODE)
_EXTERNAL = re.compile(r"^EXTERNAL\s+(" + _IDENT + r")\s*\((.*)\)\s*$", re.UNICODE)
_ASSIGN = re.compile(r"^(temp\s+)?(" + _IDENT + r"(?:\.[\w]+)?)\s*(\+=|-=|=)(?!=)(.*)$", re.UNICODE)
_INCDEC = re.compile(r"^(" + _IDENT + r")\s*(\+\+|--)\s*$", re.UNICODE)
_LABEL = re.compile(r"^\(\s*(" + _IDENT + r")\s*\)", re.UNICODE)
#: where inklecate commits to reading a label: `(` and a name (it then wants the `)`)
_LABEL_START = re.compile(r"^\(\s*" + _IDENT, re.UNICODE)
_RETURN = re.compile(r"^return\b(.*)$")
_PARAM = re.compile(r"^(?:(ref)(?![\w])\s*)?(->)?\s*(" + _IDENT + r")$", re.UNICODE)
_STITCH_NAME = re.compile(r"^=\s*(?:function\s*)?(\w+)", re.UNICODE)
_DECLARATION = re.compile(r"^(VAR|CONST|LIST|EXTERNAL)\b")
_CHOICE_MARKS = re.compile(r"^([*+](?:\s*[*+])*)")
_GATHER_MARKS = re.compile(r"^(-(?:\s*-(?!>))*)")


@dataclass(slots=True)
class _Header:
    """A knot, function or stitch header line, before `_merge` files what follows under it."""

    kind: str
    name: str
    params: list[Param]
    span: Span


@dataclass(slots=True)
class _Include:
    """An INCLUDE line: the included file's name (None when it could not be read)."""

    name: str | None


#: what the line parser yields: statements, and the things `_merge` files elsewhere
_Parsed = Stmt | VarDecl | ListDecl | External | _Header | _Include
_STMTS = (ContentLine, Assign, Return, ExprStmt, Choice, Gather, Weave, Conditional, Sequence)


def _stmts(items: list[_Parsed]) -> list[Stmt]:
    """The statements among `items`: in a block, declarations and INCLUDEs were already hoisted
    and knot headers refused, so nothing else is there."""
    return [it for it in items if isinstance(it, _STMTS)]


class _FileParser(BlockParser):
    """Parses one file's lines; multiline `{…}` blocks are `BlockParser`'s."""

    def __init__(self, src: SourceFile, sources: SourceSet, diags: list[Diagnostic]) -> None:
        self.src = src
        self.sources = sources
        self.lines = src.lines
        self.diags = diags
        self.inline = InlineParser(src.name, src.raw_lines, diags)
        self.i = 0
        self.block_depth = 0
        #: declarations and INCLUDEs met inside a multiline block, for the enclosing level
        self.hoisted: list[_Parsed] = []
        self.block_tail = False
        self.too_deep = False

    def span(self, line: int, col: int = 1) -> Span:
        return Span(self.src.name, line, col)

    def error(self, code: str, msg: str, line: int, col: int = 1, hint: str | None = None) -> None:
        self.inline.error(code, msg, line, col, hint)

    # -- top level ------------------------------------------------------------------------------------
    def parse_file(self) -> list[_Parsed]:
        items: list[_Parsed] = []
        while self.i < len(self.lines):
            before = self.i
            items.extend(self.statements(top=True))
            if self.i == before:  # a stray block terminator at top level
                line = self.lines[self.i]
                self.error("E002", "unexpected '}' with no '{' before it", self.i + 1,
                           line.find("}") + 1 if "}" in line else 1)
                self.i += 1
        return items

    def statements(self, top: bool = False, in_block: bool = False) -> list[_Parsed]:
        """Parse lines until the end of file or (in a block) a `-` branch line or the closing `}`."""
        out: list[_Parsed] = []
        while self.i < len(self.lines):
            raw = self.lines[self.i]
            line = raw.strip()
            lineno = self.i + 1
            col = len(raw) - len(raw.lstrip()) + 1
            if not line:
                self.i += 1
                continue
            if in_block:
                if line.startswith("}") or (line.startswith("-") and not line.startswith("->")):
                    return out
                close = unmatched_close(raw)
                if close >= 0:
                    # content and the block's closing brace on one line: inklecate wants the '}' alone
                    head = raw[:close]
                    if head.strip():
                        self.error("E002", "a block's closing '}' must stand on a line of its own", lineno, close + 1,
                                   "move the '}' to the next line")
                        out.extend(self.line_statements(head, lineno, top=False))
                    self.lines[self.i] = " " * close + raw[close:]
                    return out
            if line.startswith("=") and _is_header(line):
                if not top:
                    self.error("E020", "a knot or stitch cannot start inside a block", lineno, col)
                    self.i += 1
                    continue
                header = self.header(line, lineno, col)
                self.i += 1
                if header is not None:
                    self._require_content(header)
                    out.append(header)
                continue
            if line.startswith("}") and not in_block:
                # inklecate's parser stops at a '}' that starts a line outside any block, silently
                # dropping the rest of the file: do the same, so the story plays as it does in Inky
                self.diags.append(Diagnostic(
                    "W006", "a '}' with no '{' before it ends the file here: inklecate ignores everything after it",
                    self.span(lineno, col), "remove the '}', or write '\\}' for a literal brace",
                    self.src.raw_lines[lineno - 1]))
                self.i = len(self.lines)
                return out
            if line.startswith("INCLUDE") and re.match(r"^INCLUDE\b", line):
                include = _Include(self.sources.includes.get((self.src.name, lineno)))
                (self.hoisted if in_block else out).append(include)
                self.i += 1
                continue
            if brace_balance(line) > 0 and not line.startswith(("*", "+", "~")) and not (
                    line.startswith("-") and not line.startswith("->")):
                start = unmatched_open(raw)
                if raw[:start].strip():
                    # text before a block that opens mid-line: inline content, no line break
                    items = self.inline.content(raw[:start].lstrip(), lineno, col)
                    out.append(ContentLine(items, self.span(lineno, col)))
                self.block_tail = False
                block = self.block(" " * start + raw[start:], lineno, start + 1)
                if block is not None:
                    out.append(block)
                    if not self.block_tail:
                        out.append(ContentLine([Newline()], self.span(lineno, col)))
                if not in_block:
                    # declarations and INCLUDEs inside the block take effect as if written after it
                    out.extend(self.hoisted)
                    self.hoisted.clear()
                continue
            self.i += 1
            out.extend(self.line_statements(raw, lineno, top))
        return out

    def block_body(self) -> list[Stmt]:
        return _stmts(self.statements(in_block=True))

    def block_line(self, raw: str, lineno: int) -> list[Stmt]:
        return _stmts(self.line_statements(raw, lineno, False))

    def line_statements(self, raw: str, lineno: int, top: bool) -> list[_Parsed]:
        line = raw.strip()
        col = len(raw) - len(raw.lstrip()) + 1
        if line.startswith("~"):
            stmt = self.logic(line[1:], lineno, col + 1)
            return [] if stmt is None else [*stmt]
        m = _DECLARATION.match(line)
        if m:
            decl = self.declaration(line, lineno, col)
            if decl is not None and self.block_depth:
                self.hoisted.append(decl)  # declarations are global wherever they are written
                return []
            return [] if decl is None else [decl]
        if line.startswith("TODO"):
            if re.match(r"^TODO\s*:", line):
                self.diags.append(Diagnostic("W002", line, self.span(lineno, col),
                                             excerpt=self.src.raw_lines[lineno - 1]))
                return []
        if line[0] in "*+":
            # a choice keeps its trailing whitespace: inklecate emits it as content (see `choice`)
            return self.choice(raw.lstrip().rstrip("\r"), lineno, col)
        if line[0] == "-" and not line.startswith("->"):
            return self.gather(line, lineno, col)
        if brace_balance(line) > 0:
            self.error("E002", "this '{' is never closed on its line", lineno, col + line.find("{"),
                       "a multiline block must start with '{' at the beginning of a line")
            return []
        self._stray_marks(line, ("|",), lineno, col)
        items = self.inline.content(line, lineno, col)
        return [self.content_line(items, lineno, col)]

    def _stray_marks(self, text: str, marks: tuple[str, ...], lineno: int, col: int) -> None:
        """inklecate ends a line's content at a '|' (or, on a choice, a '[' or ']') outside braces and then
        expects the end of the line: report the first such mark."""
        at = first_at_top(text, marks)
        if at >= 0:
            c = text[at]
            self.error("E001", f"a '{c}' outside braces ends the text here, but the line goes on", lineno,
                       col + at, f"write '\\{c}' for a literal '{c}'")

    def content_line(self, items: list[Inline], lineno: int, col: int) -> ContentLine:
        space_before_divert(items)
        if items and isinstance(items[0], (Tag, Divert)) and all(isinstance(it, (Tag, Divert)) for it in items):
            # tags alone belong to the next line; a line that only diverts ends no line of text
            return ContentLine(items, self.span(lineno, col))
        if items and isinstance(items[-1], Text):
            stripped = items[-1].text.rstrip()
            if stripped:
                items[-1] = Text(stripped)
            else:
                items.pop()
        items.append(Newline())
        return ContentLine(items, self.span(lineno, col))

    # -- headers and declarations --------------------------------------------------------------------
    def header(self, line: str, lineno: int, col: int) -> _Header | None:
        m = _KNOT.match(line)
        if m:
            kind = "function" if m.group(1) else "knot"
            return _Header(kind, m.group(2), self.params(m.group(3), lineno, col), self.span(lineno, col))
        m = _STITCH.match(line)
        if m:
            return _Header("stitch", m.group(1), self.params(m.group(2), lineno, col), self.span(lineno, col))
        self.error("E001", "malformed knot or stitch header", lineno, col,
                   "knots look like '== name ==' or '== name(a, b) ==', stitches like '= name'")
        return None

    def _require_content(self, header: _Header) -> None:
        """inklecate rejects a knot, function or stitch with no line before the next header that ends it
        (or before a '}', where inklecate stops reading)."""
        lines = self.lines
        for at in range(self.i, len(lines)):  # by index: slicing would copy the rest of the file per header
            stripped = lines[at].strip()
            if stripped:
                if not (stripped.startswith(("==", "}")) or (header.kind == "stitch" and _is_header(stripped))):
                    return
                break
        what = "stitch" if header.kind == "stitch" else header.kind
        self.diags.append(Diagnostic(
            "E023", f"{what} '{header.name}' is empty: inklecate needs at least one line in it",
            header.span, "give it some content, or '-> DONE'", self.src.raw_lines[header.span.line - 1]))

    def params(self, text: str | None, lineno: int, col: int) -> list[Param]:
        if not text or not text.strip():
            return []
        out: list[Param] = []
        for _, part in split_commas(text):
            # inklecate: an optional 'ref', an optional '->', then the name, spaces between optional
            m = _PARAM.match(part.strip())
            if m is None:
                self.error("E001", f"malformed parameter '{part.strip()}'", lineno, col,
                           "parameters look like 'name', 'ref name', '-> name' or 'ref -> name'")
                continue
            out.append(Param(m.group(3), m.group(1) is not None, m.group(2) is not None))
        return out

    def declaration(self, line: str, lineno: int, col: int) -> VarDecl | ListDecl | External | None:
        sp = self.span(lineno, col)
        m = _DECL.match(line)
        if m:
            value_col = col + m.start(3)
            expr = self.inline.expression(m.group(3), lineno, value_col)
            if expr is None:
                return None
            problem = _initial_value_problem(expr, m.group(1) == "CONST")
            if problem is not None:
                self.error("E018", problem, lineno, value_col,
                           "initial values are worked out before the story starts; set it with '~' instead")
            return VarDecl(m.group(2), expr, Span(self.src.name, lineno, col + m.start(2)), m.group(1) == "CONST")
        m = _LIST.match(line)
        if m:
            return self.list_decl(m.group(1), m.group(2), lineno, col + m.start(2), sp)
        m = _EXTERNAL.match(line)
        if m:
            return External(m.group(1), [p.name for p in self.params(m.group(2), lineno, col)], sp)
        self.error("E018", "malformed declaration", lineno, col,
                   "declarations look like 'VAR name = value', 'CONST name = value', "
                   "'LIST name = a, (b), c' or 'EXTERNAL name(a, b)'")
        return None

    def list_decl(self, name: str, text: str, lineno: int, col: int, sp: Span) -> ListDecl | None:
        items: list[ListItemDef] = []
        value = 0
        for off, part in split_commas(text):
            p = part.strip()
            selected = p.startswith("(") and p.endswith(")")
            if selected:
                p = p[1:-1].strip()
            m = re.match(r"^(" + _IDENT + r")\s*(?:=\s*(-?\d+))?$", p)
            if not m:
                self.error("E018", f"malformed list item '{part.strip()}'", lineno,
                           col + off + len(part) - len(part.lstrip()),
                           "list items look like 'name', '(name)' or 'name = 3'")
                continue
            value = int(m.group(2)) if m.group(2) is not None else value + 1
            if any(it.name == m.group(1) for it in items):
                self.error("E010", f"list '{name}' already has an item '{m.group(1)}'", lineno,
                           col + off + len(part) - len(part.lstrip()))
            items.append(ListItemDef(m.group(1), value, selected))
        return ListDecl(name, items, Span(sp.file, sp.line, sp.col))

    # -- logic ------------------------------------------------------------------------------------------
    def logic(self, text: str, lineno: int, col: int) -> list[Stmt] | None:
        body = text.strip()
        bcol = col + len(text) - len(text.lstrip())
        sp = self.span(lineno, bcol)
        if not body:
            self.error("E003", "'~' needs logic after it", lineno, col - 1, "write '~ x = 1', '~ f()' or '~ return'")
            return []
        m = _RETURN.match(body)
        if m:
            value = m.group(1)
            expr = self.inline.expression(value, lineno, bcol + 6) if value.strip() else None
            return [Return(expr, sp)]
        m = _INCDEC.match(body)
        if m:
            return [Assign(m.group(1), m.group(2), None, sp)]
        m = _ASSIGN.match(body)
        if m:
            value = self.inline.expression(m.group(4), lineno, bcol + m.start(4))
            if value is None:
                return None
            assign = Assign(m.group(2), m.group(3), value, Span(sp.file, lineno, bcol + m.start(2)),
                            temp=bool(m.group(1)))
            return [assign, ContentLine([Newline()], sp)] if has_call(value) else [assign]
        expr = self.inline.expression(body, lineno, bcol, statement=True)
        if expr is None:
            return None
        if not isinstance(expr, Call | Postfix):
            # inklecate refuses logic whose value would be thrown away (`~ x`, `~ a + b`, `~ f() && g()`)
            self.error("E029", "a '~' line must do something: assign, call a function, or '++'/'--'",
                       lineno, bcol, "'~ x = value', '~ x++', '~ f()'; to print a value write {x}")
        stmt = ExprStmt(expr, sp)
        return [stmt, ContentLine([Newline()], sp)] if has_call(expr) else [stmt]

    # -- choices and gathers --------------------------------------------------------------------------
    def choice(self, line: str, lineno: int, col: int) -> list[_Parsed]:
        m = _CHOICE_MARKS.match(line)
        assert m
        marks = m.group(1).replace(" ", "").replace("\t", "")
        sticky = marks[0] == "+"
        i = m.end()
        rest = line[i:]
        label = None
        lm = self._label(rest.lstrip(), lineno, col)
        if lm:
            label = lm.group(1)
            rest = rest.lstrip()[lm.end():]
            i = len(line) - len(rest)
        conditions: list[Expr] = []
        while True:
            stripped = rest.lstrip()
            if not stripped and conditions and self._continues_choice():
                # inklecate lets a choice's conditions and text run on over the next lines
                line = self.lines[self.i]
                lineno = self.i + 1
                col = 1
                self.i += 1
                rest = line
                i = 0
                continue
            if not stripped.startswith("{"):
                break
            end = matching_brace(stripped)
            if end < 0:
                break
            inner = stripped[1:end]
            ccol = col + i + (len(rest) - len(stripped)) + 1
            if find_top_level(inner, ":") >= 0 or "|" in inner.replace("||", ""):
                # inklecate reads every '{' before a choice's text as a condition
                self.error("E032", "a '{' at the start of a choice is a condition: it holds only an expression",
                           lineno, ccol - 1, "to begin the text with inline logic, put it in the brackets: "
                           "'* [{&Go|Run}]', or after a word of text")
            else:
                cond = self.inline.condition(inner, lineno, ccol)
                if cond is not None:
                    conditions.append(cond)
            rest = stripped[end + 1:]
            i = len(line) - len(rest)
        if rest.strip().startswith("|"):
            # nothing before a stray '|': inklecate's choice is empty, and the warning it gives for
            # that stands in for the error about the rest of the line, which it then skips
            rest = ""
        if not rest.strip():
            # inklecate warns and plays it as a fallback choice; most likely a mistake
            self.diags.append(Diagnostic(
                "W007", "this choice is completely empty; it is played as a fallback choice",
                self.span(lineno, col), "write '* ->' for a fallback choice, or add its text",
                self.src.raw_lines[lineno - 1]))
        (start_text, _), (only_text, only_at), (inner_text, inner_at), has_brackets = _split_choice(rest)
        if not has_brackets:
            # a '[' anywhere on the line (a tag's text too) opens the choice-only text
            opened = first_at_top(rest, ("[",))
            if opened >= 0:
                self.error("E001", "this choice's '[' is never closed with ']'", lineno, col + i + opened,
                           "choice-only text goes in brackets on the choice line: '* Hello[.] there'")
        # inklecate's choice text stops at '|', '[' and ']' outside braces; only one [ … ] is allowed
        self._stray_marks(start_text, ("|", "]"), lineno, col + i)
        self._stray_marks(only_text, ("|", "["), lineno, col + i + only_at)
        self._stray_marks(inner_text, ("|", "[", "]") if has_brackets else ("|", "]"), lineno, col + i + inner_at)
        for part, at in ((start_text, 0), (only_text, only_at), (inner_text, inner_at)):
            self.inline.no_tilde(part, lineno, col + i + at)
        if has_brackets:
            for part, at in ((start_text, 0), (only_text, only_at)):
                arrow = first_at_top(part, ("->", "<-"))
                if arrow >= 0:
                    self.error("E034", "a divert on a choice line comes after its text and its '[…]'", lineno,
                               col + i + at + arrow, "move the divert to the end of the line")
        base = col + i
        self.inline.in_choice = True
        try:
            start = self.inline.content(start_text, lineno, base)
            only = self.inline.content(only_text, lineno, base + only_at) if only_text else []
            inner_items = self.inline.content(inner_text, lineno, base + inner_at) if inner_text else []
        finally:
            self.inline.in_choice = False
        if start and isinstance(start[0], Text):
            t = start[0].text.lstrip()
            if t:
                start[0] = Text(t)
            else:
                start.pop(0)
        ch = Choice(len(marks), sticky, label, conditions, start, only, inner_items,
                    self.span(lineno, col), has_brackets)
        return [ch]

    def _label(self, text: str, lineno: int, col: int) -> re.Match[str] | None:
        """A `(name)` label at the start of `text`; `(name` without its `)` is an error in inklecate."""
        lm = _LABEL.match(text)
        if lm is None and _LABEL_START.match(text):
            self.error("E001", "a label needs its closing ')'", lineno, col,
                       "labels look like '* (name) text'; write '\\(' for a literal bracket")
        return lm

    def _continues_choice(self) -> bool:
        if self.i >= len(self.lines):
            return False
        nxt = self.lines[self.i].strip()
        if not nxt or nxt[0] in "*+~=#" or nxt.startswith(("-", "}", "<-")):
            return False
        return not (nxt.startswith("{") and brace_balance(nxt) > 0)

    def gather(self, line: str, lineno: int, col: int) -> list[_Parsed]:
        m = _GATHER_MARKS.match(line)
        assert m
        depth = m.group(1).replace(" ", "").replace("\t", "").count("-")
        rest = line[m.end():]
        label = None
        lm = self._label(rest.lstrip(), lineno, col)
        if lm:
            label = lm.group(1)
            rest = rest.lstrip()[lm.end():]
        out: list[_Parsed] = [Gather(depth, label, self.span(lineno, col))]
        rs = rest.strip()
        if rs and ((brace_balance(rs) > 0 and not rs.startswith(("*", "+"))) or (rs[0] == "=" and _is_header(rs))
                   or rs[0] == "}"):
            # a gather whose line opens a multiline block, starts a knot or stitch, or has a stray '}'
            # (inklecate reads a statement after a gather's dashes): put the rest back as a line
            self.i -= 1
            self.lines[self.i] = " " * (len(line) - len(rest) + col - 1) + rest
            return out
        if rest.strip():
            rcol = col + len(line) - len(rest)
            out.extend(self.line_statements(" " * (rcol - 1) + rest, lineno, False))
        return out

def _is_header(line: str) -> bool:
    """Does this stripped line start a knot or stitch? `==` always does (a missing name is an error);
    a single `=` only when a name follows, as in inklecate, whose stitch rule otherwise fails and
    leaves the line to be read as text (`= 3` or a lone `=` is content)."""
    if line.startswith("=="):
        return True
    m = _STITCH_NAME.match(line)
    return m is not None and not m.group(1).isdigit()


_Part = tuple[str, int]  # a piece of a line and its offset in it


def _split_choice(text: str) -> tuple[_Part, _Part, _Part, bool]:
    """Split choice text into start, [choice-only] and inner content (outside braces), each with its
    offset in `text` (so carets point into the right part)."""
    open_at = first_at_top(text, ("[",))
    close_at = first_at_top(text, ("]",), start=open_at + 1) if open_at >= 0 else -1
    if open_at >= 0 and close_at >= 0:
        return (text[:open_at], 0), (text[open_at + 1:close_at], open_at + 1), (text[close_at + 1:], close_at + 1), True
    # no brackets: a divert or tag on the choice line belongs after the choice text
    cut = first_at_top(text, ("->", "<-", "#"))
    if cut >= 0:
        return (text[:cut], 0), ("", cut), (text[cut:], cut), False
    return (text, 0), ("", len(text)), ("", len(text)), False


def _initial_value_problem(expr: Expr, const: bool) -> str | None:
    """What inklecate finds wrong with a VAR's or CONST's initial value, or None."""
    from dreamphases.compiler.ast import Bool, DivertTarget, ListLit, Name, Number, StringLit, Unary

    value = expr
    while isinstance(value, Unary):  # inklecate folds `-1`, `not false`, `!(0)` into literals
        value = value.operand
    if value is not expr and not isinstance(value, Number | Bool):
        value = expr
    if isinstance(value, StringLit):
        return None if all(isinstance(p, Text) for p in value.parts) else "a constant string cannot contain logic"
    allowed: tuple[type, ...] = (Number, Bool, DivertTarget) if const else (Number, Bool, DivertTarget, Name, ListLit)
    if isinstance(value, allowed):
        return None
    return ("the initial value of a CONST must be a number, a string or a divert target" if const else
            "the initial value of a VAR must be a number, a string, a constant, a list or a divert target")


# ---------------------------------------------------------------------------------------------------
# merging files into one Story


_CacheKey = tuple[str, str, tuple[tuple[int, str | None], ...]]


class ParseCache:
    """Each file's parse, reused while the file's text and where its INCLUDEs lead stay the same.

    An editor compiles the whole story on every pause in typing, but only one file changed; the
    others need not be parsed again. Safe because no later stage writes into the parse's output.
    A cache serves one story: each `parse` keeps only the entries of the files it just used.
    """

    __slots__ = ("_entries",)

    def __init__(self) -> None:
        self._entries: dict[_CacheKey, tuple[list[_Parsed], list[Diagnostic]]] = {}


def _parse_file(src: SourceFile, sources: SourceSet) -> tuple[list[_Parsed], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    try:
        return _FileParser(src, sources, diags).parse_file(), diags
    except RecursionError:
        diags.append(Diagnostic("E021", "the file is nested too deeply to parse", Span(src.name, 1, 1)))
        return [], diags


def parse(sources: SourceSet, cache: ParseCache | None = None) -> tuple[Story, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    parsed: dict[str, list[_Parsed]] = {}
    used: dict[_CacheKey, tuple[list[_Parsed], list[Diagnostic]]] = {}
    for name, src in sources.files.items():
        if cache is None:
            parsed[name], file_diags = _parse_file(src, sources)
        else:
            targets = tuple(sorted((line, inc) for (f, line), inc in sources.includes.items() if f == name))
            key = (name, "\n".join(src.raw_lines), targets)
            hit = cache._entries.get(key)
            used[key] = hit if hit is not None else _parse_file(src, sources)
            parsed[name], file_diags = used[key]
        diags.extend(file_diags)
    if cache is not None:
        cache._entries = used
    root = Flow("", "root", [], Span(sources.main, 1, 1))
    story = Story(root, files=list(sources.files))
    story.includes = [(f, inc, line) for (f, line), inc in sources.includes.items() if inc]
    flows: list[Flow] = []
    _merge(sources.main, parsed, story, root.body, flows, set())
    root.children = flows
    return story, diags


def _merge(name: str, parsed: dict[str, list[_Parsed]], story: Story, top: list[Stmt],
           flows: list[Flow], seen: set[str], rank: int = 0) -> None:
    """File `name`'s items into the story: statements into the flow they stand in (`top` and its
    `rank` in generation order to begin with), declarations into the story's lists."""
    if name in seen or name not in parsed:
        return
    seen.add(name)
    knot: Flow | None = None
    scope: tuple[str, ...] = ()
    current: list[Stmt] = top
    order = story.order
    for item in parsed[name]:
        if isinstance(item, _Include):
            if item.name is not None:
                _merge(item.name, parsed, story, current, flows, seen, rank)
            # inklecate ends the INCLUDE line like any other (tags above it get a line of their own)
            current.append(ContentLine([Newline()], story.root.span))
            continue
        if isinstance(item, _Header):
            flow = Flow(item.name, item.kind, item.params, item.span)
            if item.kind == "stitch":
                if knot is None:
                    flows.append(flow)  # a stitch outside any knot behaves like a knot
                    flow.kind = "knot"
                else:
                    knot.children.append(flow)
            else:
                flows.append(flow)
                knot = flow
            current = flow.body
            scope = (knot.name, flow.name) if knot is not None and knot is not flow else (flow.name,)
            order.flows += 1
            rank = order.flows
            continue
        if isinstance(item, VarDecl):
            item.scope = scope
            order.add(item.span, (rank, len(current)))
            story.variables.append(item)
        elif isinstance(item, ListDecl):
            story.lists.append(item)
        elif isinstance(item, External):
            story.externals.append(item)
        else:
            if not isinstance(item, Weave):  # (weaves are the next stage's: the parser makes none)
                order.add(item.span, (rank, len(current)))
            current.append(item)
