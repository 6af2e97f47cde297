"""The language server's latency and memory, driven over stdio like an editor, on the bundled story.

Starts `dreamphases lsp` as a child process, opens every file of `story/dreamphases.ink` (its main
file and the INCLUDEs), then:

- types into the largest file: `--edits` single-character changes, one at a time, each timed from
  sending `didChange` to the `publishDiagnostics` for that file (debounce included, at the default);
- asks go-to-definition and hover at names spread over the story (`--requests` each);
- reads the server's resident memory (VmRSS, VmHWM) from /proc.

Beside them, the reference: one whole check of the story in this process (compile + lint, what a
naive server would redo on every keystroke). Targets (issue 16): didChange → diagnostics p95 ≤ 150 ms,
definition and hover p95 ≤ 20 ms.

    python bench/lsp.py [--edits 60] [--requests 100]
"""

from __future__ import annotations

import argparse
import asyncio
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
        while published.get(uri, 0.0) < since:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), 30)
        return published[uri] - since

    await published_after(files[0].as_uri(), 0.0)
    await asyncio.sleep(1.0)  # the opening compiles and indexing settle

    # typing: insert then delete one character on a prose line of the largest file, one edit at a time
    target = max(files, key=lambda p: len(texts[p]))
    lines = texts[target].split("\n")
    prose = [i for i, line in enumerate(lines) if line and line[0].isalpha() and len(line) > 20]
    latencies: list[float] = []
    version = 1
    for n in range(edits):
        line = prose[(n * 7) % len(prose)]
        version += 1
        insert = n % 2 == 0
        change = T.TextDocumentContentChangePartial(
            range=T.Range(T.Position(line, 5), T.Position(line, 5 if insert else 6)), text="x" if insert else "")
        sent = time.perf_counter()
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            T.VersionedTextDocumentIdentifier(uri=target.as_uri(), version=version), [change]))
        latencies.append(await published_after(target.as_uri(), sent))
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

    server = getattr(client, "_server", None)
    mem = memory(server.pid) if server is not None else "server memory: unknown"
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    words = sum(len(t.split()) for t in texts.values())
    print(f"story: {MAIN.relative_to(ROOT)} + INCLUDEs: {len(files)} files, {words} words; "
          f"edits in {target.name} ({len(texts[target].splitlines())} lines)")
    print(row("didChange -> publishDiagnostics", latencies) + "   (target p95 <= 150 ms)")
    print(row("definition", definition) + f"   ({answered} of {len(refs)} found; target p95 <= 20 ms)")
    print(row("hover", hover) + "   (target p95 <= 20 ms)")
    print(mem)
    print(f"reference: one whole check (compile + lint) in-process, cold: {whole_check * 1000:.0f} ms")
    print(f"mean didChange -> diagnostics: {statistics.mean(latencies) * 1000:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(run(args.edits, args.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
