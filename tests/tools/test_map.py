"""`dreamphases map`: DOT, Mermaid, HTML and JSON views of the story graph."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from dreamphases.cli import main
from dreamphases.tools import storymap
from dreamphases.tools.graph_schema import StoryGraphDocument, export_graph, graph_json, json_schema
from dreamphases.tools.storymap import build_view, to_dot, to_html, to_mermaid

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def test_the_view_has_scenes_endings_and_gated_labels(night):
    view = build_view(night.graph)
    assert set(view.nodes) == {"", "bed", "bed.dream", "wake", "sleep", "unused",
                               "ending:awake", "ending:asleep"}
    assert view.nodes["bed.dream"].cluster == "bed"
    assert not view.nodes["unused"].reachable
    [gated] = [e for e in view.edges if e.target == "sleep"]
    assert gated.label == "“Sleep on” {calm > 3}"


def test_dot_marks_endings_and_links_nodes_to_their_source(night, tmp_path):
    dot = to_dot(build_view(night.graph, tmp_path), "night")
    assert '"ending:awake" [label="awake", shape=doubleoctagon' in dot
    assert f'tooltip="story.ink:16", URL="file://{tmp_path.resolve().as_posix()}/story.ink#L16"' in dot
    assert '"bed.dream" -> "wake" [label="“Say \\"wake\\"”"];' in dot


def test_choices_and_plain_diverts_are_drawn_differently(night):
    kinds = {(e.source, e.target): e.kind for e in build_view(night.graph).edges}
    assert kinds[("bed.dream", "wake")] == "choice" and kinds[("sleep", "bed")] == "divert"


@needs_dot
def test_graphviz_accepts_the_dot(night):
    night.knot('we"ird\\name', words=1).edge("", 'we"ird\\name', conditions=('"a\nb" == x',))
    done = subprocess.run(["dot", "-Tsvg"], input=to_dot(build_view(night.graph)), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "<svg" in done.stdout


def test_mermaid_declares_clusters_edges_and_clicks(night):
    text = to_mermaid(build_view(night.graph))
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert any(line.strip().startswith("subgraph") and '"bed"' in line for line in lines)
    assert any("-->|" in line and "calm #gt; 3" in line for line in lines)
    assert any(line.strip().startswith("click ") and "story.ink:16" in line for line in lines)
    assert lines.count("  end") == 1


@needs_dot
def test_html_embeds_the_drawing_and_links(night, tmp_path):
    page, note = to_html(build_view(night.graph), to_dot(build_view(night.graph)), "night")
    assert note is None
    assert "<svg" in page and "file://" in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")


def test_html_without_graphviz_says_so_and_still_lists_scenes(night, monkeypatch):
    monkeypatch.setattr(storymap.shutil, "which", lambda name: None)
    page, note = to_html(build_view(night.graph), to_dot(build_view(night.graph)), "night")
    assert note is not None and "Graphviz" in note
    assert "<svg" not in page
    assert "<code>bed.dream</code>" in page and "story.ink:8" in page


def test_json_export_validates_and_round_trips(night):
    text = graph_json(night.graph)
    document = StoryGraphDocument.model_validate_json(text)
    assert document == export_graph(night.graph)
    data = json.loads(text)
    assert data["schema"] == "dreamphases.graph/1"
    assert data["stats"] == [{"var": "calm", "label": "Calm", "min": 0.0, "max": 10.0, "kind": "meter"}]
    assert {n["id"] for n in data["nodes"]} >= {"bed", "bed.dream"}


def test_the_json_schema_is_published(capsys):
    assert main(["map", "--json-schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json_schema())


# -- end to end, through our compiler ---------------------------------------------------------------

STORY = """
    # stat: calm, Calm, 0..10
    VAR calm = 5
    -> bed
    === bed ===
    You lie down.
    * [Wake] -> wake
    * {calm > 3} [Sleep on] -> sleep
    === wake ===
    You wake. # ending: awake
    -> END
    === sleep ===
    You sleep. # ending: asleep
    -> END
    """


@needs_dot
def test_map_cli_writes_dot_that_graphviz_accepts(write_story, capsys):
    assert main(["map", str(write_story(STORY))]) == 0
    dot = capsys.readouterr().out
    done = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert '"bed" -> "sleep" [label="“Sleep on” {calm > 3}"];' in dot
    assert "{calm &gt; 3}" in done.stdout  # the gate survives Graphviz's own parsing into the drawing


@pytest.mark.parametrize("fmt", ["mermaid", "json"])
def test_map_cli_formats(write_story, capsys, fmt):
    assert main(["map", "--format", fmt, str(write_story(STORY))]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        StoryGraphDocument.model_validate_json(out)
    else:
        assert out.startswith("flowchart LR")


def test_map_cli_writes_an_html_page(write_story, tmp_path, capsys):
    page = tmp_path / "map.html"
    assert main(["map", "--html", str(page), str(write_story(STORY))]) == 0
    assert "story map" in page.read_text()


def test_map_cli_refuses_a_story_with_errors(write_story, capsys):
    assert main(["map", str(write_story("-> nowhere\n"))]) == 1
    assert "error" in capsys.readouterr().err


def test_map_cli_links_point_at_the_story_folder(write_story, capsys):
    story = write_story(STORY)
    assert main(["map", "--link-template", "vscode://file{path}:{line}", str(story)]) == 0
    assert f'URL="vscode://file{story.resolve().as_posix()}:4"' in capsys.readouterr().out


def test_map_cli_rejects_an_unknown_link_placeholder(write_story, capsys):
    assert main(["map", "--link-template", "x://{file}", str(write_story(STORY))]) == 2


def test_a_knot_kept_in_a_variable_is_drawn_with_a_value_edge(builder):
    g = builder().knot("later").edge("", "later", "target")
    view = build_view(g.graph)
    assert [(e.source, e.target, e.kind) for e in view.edges] == [("", "later", "target")]
    assert "style=dotted, color=gray50" in to_dot(view)


def test_an_end_reached_with_one_of_two_endings_leads_to_both(builder):
    g = builder().ending("good", "", 2).ending("bad", "", 3)
    g.edge("", "END", line=4, ending="bad", endings=("good", "bad"))
    view = build_view(g.graph)
    assert sorted(e.target for e in view.edges) == ["ending:bad", "ending:good"]
