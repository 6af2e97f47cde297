"""The language server's latency and memory, driven over stdio like an editor, on the bundled story.

Starts `dreamphases lsp` as a child process, opens every file of `story/dreamphases.ink` (its main
file and the INCLUDEs), then:

- types into the largest file: `--edits` single-character changes, one at a time, each timed from
  sending `didChange` to the `publishDiagnostics` for that file (debounce included, at the default);
- asks go-to-definition and hover at names spread over the story (`--requests` each);
- reads the server's resident memory (VmRSS, VmHWM) from /proc.

On a loaded machine the wall times include waiting for a CPU; the server's CPU time per edit (all
its threads, from /proc/PID/task/*/schedstat) is what the latency would be with a core to itself.

Beside them, the reference: one whole check of the story in this process (compile + lint, what a
naive server would redo on every keystroke). Targets (issue 16): didChange → diagnostics p95 ≤ 150 ms,
definition and hover p95 ≤ 20 ms.

    python bench/lsp.py [--edits 60] [--requests 100]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as T
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
MAIN = ROOT / "story" / "dreamphases.ink"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def row(name: str, values: list[float]) -> str:
    return (f"{name:<34} n={len(values):<4} p50 {pct(values, 50) * 1000:7.1f} ms   "
            f"p95 {pct(values, 95) * 1000:7.1f} ms   max {max(values) * 1000:7.1f} ms")


def cpu_seconds(pid: int) -> float:
    """CPU time the process has run so far, all threads (Linux schedstat: nanoseconds on a CPU)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return total / 1e9


def memory(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "server memory: unavailable (no /proc)"
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    rss = int(fields["VmRSS"].split()[0]) / 1024
    hwm = int(fields["VmHWM"].split()[0]) / 1024
    return f"server memory: {rss:.0f} MiB resident now, {hwm:.0f} MiB peak"


async def run(edits: int, requests: int) -> None:
    from dreamphases.compiler import compile_path
    from dreamphases.tools.check import check_path

    started = time.perf_counter()
    check_path(MAIN)
    whole_check = time.perf_counter() - started
    compiled = compile_path(MAIN)
    assert compiled.graph is not None
    graph = compiled.graph
    files = [(MAIN.parent / name).resolve() for name in graph.files]
    texts = {p: p.read_text(encoding="utf-8") for p in files}

    client = LanguageClient("dreamphases-bench", "1")
    published: dict[str, float] = {}
    arrived = asyncio.Event()

    compile_cpu: list[float] = []

    @client.feature(T.WINDOW_LOG_MESSAGE)
    def _log(params: T.LogMessageParams) -> None:
        match = re.search(r"([\d.]+) ms CPU", params.message)
        if match:
            compile_cpu.append(float(match.group(1)) / 1000)

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _diagnostics(params: T.PublishDiagnosticsParams) -> None:
        published[params.uri] = time.perf_counter()
        arrived.set()

    await client.start_io(sys.executable, "-m", "dreamphases", "lsp")
    await client.initialize_async(T.InitializeParams(capabilities=T.ClientCapabilities(),
                                                     root_uri=MAIN.parent.as_uri()))
    client.initialized(T.InitializedParams())
    for path, text in texts.items():
        client.text_document_did_open(T.DidOpenTextDocumentParams(
            T.TextDocumentItem(uri=path.as_uri(), language_id="ink", version=1, text=text)))

    async def published_after(uri: str, since: float) -> float:
        while uri not in published or published[uri] < since:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), 30)
        return published[uri] - since

    await published_after(files[0].as_uri(), 0.0)
    await asyncio.sleep(1.0)  # the opening compiles and indexing settle
    compile_cpu.clear()

    # typing: insert then delete one character on a prose line of the largest file, one edit at a time
    target = max(files, key=lambda p: len(texts[p]))
    lines = texts[target].split("\n")
    prose = [i for i, line in enumerate(lines) if line and line[0].isalpha() and len(line) > 20]
    latencies: list[float] = []
    server_cpu: list[float] = []
    server = getattr(client, "_server", None)
    version = 1
    for n in range(edits):
        line = prose[(n // 2 * 7) % len(prose)]  # an insert, then its deletion on the same line
        version += 1
        insert = n % 2 == 0
        change = T.TextDocumentContentChangePartial(
            range=T.Range(T.Position(line, 5), T.Position(line, 5 if insert else 6)), text="x" if insert else "")
        cpu_before = cpu_seconds(server.pid) if server is not None else 0.0
        sent = time.perf_counter()
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            T.VersionedTextDocumentIdentifier(uri=target.as_uri(), version=version), [change]))
        latencies.append(await published_after(target.as_uri(), sent))
        if server is not None:
            server_cpu.append(cpu_seconds(server.pid) - cpu_before)
        await asyncio.sleep(0.05)

    # navigation: names spread over the story
    refs = graph.refs[:: max(1, len(graph.refs) // requests)][:requests]
    definition: list[float] = []
    hover: list[float] = []
    answered = 0
    for ref in refs:
        uri = (MAIN.parent / ref.file).resolve().as_uri()
        pos = T.Position(ref.line - 1, ref.col - 1)
        doc = T.TextDocumentIdentifier(uri=uri)
        sent = time.perf_counter()
        found = await client.text_document_definition_async(T.DefinitionParams(text_document=doc, position=pos))
        definition.append(time.perf_counter() - sent)
        answered += bool(found)
        sent = time.perf_counter()
        await client.text_document_hover_async(T.HoverParams(text_document=doc, position=pos))
        hover.append(time.perf_counter() - sent)

    mem = memory(server.pid) if server is not None else "server memory: unknown"
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    words = sum(len(t.split()) for t in texts.values())
    print(f"story: {MAIN.relative_to(ROOT)} + INCLUDEs: {len(files)} files, {words} words; "
          f"edits in {target.name} ({len(texts[target].splitlines())} lines)")
    print(row("didChange -> publishDiagnostics", latencies) + "   (target p95 <= 150 ms)")
    print(row("  server CPU, all threads", server_cpu) + "   (the wall time on an idle core)")
    print(row("  of which compile + lint", compile_cpu) + "   (the server's own log)")
    print(row("definition", definition) + f"   ({answered} of {len(refs)} found; target p95 <= 20 ms)")
    print(row("hover", hover) + "   (target p95 <= 20 ms)")
    print(mem)
    print(f"reference: one whole check (compile + lint) in-process, cold: {whole_check * 1000:.0f} ms")
    print(f"mean didChange -> diagnostics: {statistics.mean(latencies) * 1000:.1f} ms; "
          f"machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(run(args.edits, args.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
