"""Emitting values: expressions, calls, list values and divert targets onto the evaluation stack.

The base of the emitter (`emit._Emitter`), kept apart because it is the one part that follows the
expression grammar rather than the story's structure.
"""

from __future__ import annotations

from dreamphases.compiler import ast as A
from dreamphases.compiler.builtins import BUILTINS
from dreamphases.compiler.exhaustive import assert_never
from dreamphases.compiler.resolved import (
    BuiltinCall,
    ConstValue,
    CountRead,
    End,
    ExternalCall,
    FunctionCall,
    ItemValue,
    ListCast,
    Point,
    RefArg,
    Resolved,
    Target,
    VariableCall,
    VarRead,
    VarTarget,
)
from dreamphases.compiler.runtime_tree import Container, Ref

__all__ = ["ValueEmitter"]

#: ink operators whose runtime name differs from their source spelling
_OPS = {"^": "L^"}

ListValue = dict[str, object]


class ValueEmitter:
    def __init__(self, res: Resolved) -> None:
        self.res = res
        self.containers: dict[int, Container] = {}

    def container_for(self, node: Point | A.Gather) -> Container:
        c = self.containers.get(id(node))
        if c is None:
            c = Container()
            self.containers[id(node)] = c
        return c

    def inlines(self, items: list[A.Inline], c: Container, flow: A.Flow) -> None:
        raise NotImplementedError  # the emitter's: strings hold inline content

    def postfix(self, p: A.Postfix, c: Container) -> None:
        """`x++`: read, add one, write back to the variable the resolver found (a temp may shadow)."""
        name = p.target.name
        meaning = self.res.names.names.get(id(p.target))
        c.add({"VAR?": name})
        c.add(1)
        c.add("+" if p.op == "++" else "-")
        temp = isinstance(meaning, VarRead) and meaning.temp
        c.add({"temp=": name, "re": True} if temp else {"VAR=": name, "re": True})

    def target_value(self, target: Target | None, text: str, c: Container) -> None:
        match target:
            case VarTarget(name):
                c.add({"VAR?": name})
            case None | End():
                c.add({"^->": text})
            case A.Flow() | A.Choice() | A.Gather():
                c.add(Ref("^->", self.container_for(target)))
            case _:
                assert_never(target)

    def list_value(self, origin: str | None, items: list[tuple[str, str, int]]) -> ListValue:
        value: ListValue = {"list": {f"{lst}.{item}": v for lst, item, v in items}}
        if not items and origin:
            value["origins"] = [origin]
        return value

    def expr(self, e: A.Expr, c: Container) -> None:
        if isinstance(e, A.Number):
            c.add(e.value)
        elif isinstance(e, A.Bool):
            c.add(e.value)
        elif isinstance(e, A.StringLit):
            c.add("str")
            self.inlines(e.parts, c, self.res.story.root)
            c.add("/str")
        elif isinstance(e, A.Name):
            self.name(e, c)
        elif isinstance(e, A.DivertTarget):
            self.target_value(self.res.names.targets.get(id(e)), e.path, c)
        elif isinstance(e, A.ListLit):
            items = []
            for name in e.items:
                found = self.res.decls.list_item(name)
                if found:
                    items.append((found[0].name, found[1].name, found[1].value))
            c.add(self.list_value(None, items))
        elif isinstance(e, A.Unary):
            self.expr(e.operand, c)
            c.add("_" if e.op == "-" else "!")
        elif isinstance(e, A.Binary):
            self.expr(e.left, c)
            self.expr(e.right, c)
            c.add(_OPS.get(e.op, e.op))
        elif isinstance(e, A.Call):
            self.call(e, c)
        elif isinstance(e, A.Postfix):
            self.postfix(e, c)
            c.add({"VAR?": e.target.name})
        else:
            assert_never(e)

    def name(self, e: A.Name, c: Container) -> None:
        meaning = self.res.names.names.get(id(e))
        if meaning is None:  # not resolved: only reachable when there were errors, and then nothing is written
            c.add({"VAR?": e.name})
        elif isinstance(meaning, VarRead):
            c.add({"VAR?": meaning.name})
        elif isinstance(meaning, ConstValue):
            self.expr(meaning.value, c)
        elif isinstance(meaning, ItemValue):
            c.add(self.list_value(None, [(meaning.list, meaning.item, meaning.value)]))
        elif isinstance(meaning, CountRead):
            c.add(Ref("CNT?", self.container_for(meaning.point)))
        elif isinstance(meaning, RefArg):
            c.add({"^var": meaning.name, "ci": -1})
        else:
            assert_never(meaning)

    def call(self, e: A.Call, c: Container) -> None:
        meaning = self.res.names.calls.get(id(e), BuiltinCall(e.name))
        match meaning:
            case BuiltinCall(name):
                for arg in e.args:
                    if isinstance(arg, A.DivertTarget):
                        self.target_value(self.res.names.targets.get(id(arg)), arg.path, c)
                    else:
                        self.expr(arg, c)
                c.add(BUILTINS[name][2])
            case ListCast(lst):
                if not e.args:  # `listname()` is the empty list of that list
                    c.add(self.list_value(lst, []))
                    return
                c.add("^" + lst)
                for arg in e.args:
                    self.expr(arg, c)
                c.add("listInt")
            case VariableCall(name):  # a function called through a divert-target variable
                for arg in e.args:
                    self.expr(arg, c)
                c.add({"f()": name, "var": True})
            case FunctionCall(flow):
                for i, arg in enumerate(e.args):
                    if i < len(flow.params) and flow.params[i].ref and isinstance(arg, A.Name):
                        c.add({"^var": arg.name, "ci": -1})
                    else:
                        self.expr(arg, c)
                c.add(Ref("f()", self.container_for(flow)))
            case ExternalCall():
                for arg in e.args:
                    self.expr(arg, c)
                c.add({"x()": e.name, "exArgs": len(e.args)})
            case _:
                assert_never(meaning)
