"""State dataflow over the story graph: which changes a later read can observe, which reads can only
see a variable's initial value. Static, over every path: no sampling.

Stages, one per module: `flow` turns the story graph into per-node event lists and function summaries
(`FlowGraph`); `liveness` runs the backward analysis (`Liveness`, and `live_variables` for the
explorer); `reaching` runs the forward "may have been written" analysis. The lint rules in
`dreamphases.tools.rules` (dead-write, initial-value-read, promise-without-consequence) read them.
"""

from __future__ import annotations

from dreamphases.analysis.flow import FlowGraph, build_flow
from dreamphases.analysis.liveness import Liveness, live_variables
from dreamphases.analysis.reaching import Reaching

__all__ = ["FlowGraph", "build_flow", "Liveness", "live_variables", "Reaching"]
