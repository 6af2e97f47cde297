"""Play the bundled story as a *persona*: a ranked list of what this player reaches for.

At each choice the persona takes the first offered option that contains its highest-ranked phrase;
when none of its phrases is offered it takes the first option. Used to (re)write the ending specs
after an edit and to script the transcripts in `docs/playthroughs/`:

    python -m tests.story.persona reconciled            # print the route, the ending and the stats
    python -m tests.story.persona reconciled --spec     # write tests/story/endings/reconciled.playthrough.yaml
    python -m tests.story.persona careful --choices     # the 1-based choice list for `dreamphases play --choices`

A persona is a writing aid, not a test: the specs it writes are the tests, and they pin every choice
by text, so an edit that changes a route shows up as a failing spec rather than a silently new route.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.story.storyrun import Run, new_engine

SPECS = Path(__file__).parent / "endings"

# The careful player: listens, stays, remembers, asks, keeps the key, tells the truth, shares.
CAREFUL = [
    "Take the spatula", "Wait, like he says", "What does she say", "Try to remember the real night",
    "Stay. Take the band", "Tell me something. Anything", "Build a door", "Pull it from the",
    "Ask Priya to flag", "Take Zara to lunch", "Play along", "Just listen", "Go to Julian's",
    "Take the teapot", "Sit beside him", "I like the one who drinks", "Call back", "Flag it. Now.",
    "Refuse to sign", "Look for the seam", "You'll fry them", "Show them what you found", "Stay. Please.",
    "Put down the dead", "Turn the sound up", "Thursday. I'll be there", "You were right. At dinner",
    "Tether the sessions", "Look for the seam in the canopy", "The door that smells",
    "Say her mother's name", "Let the smell take you", "So had I", "The door where applause",
    "Walk onto the stage", "Ask him to sing", "The door with no handle", "Turn your back on the frames",
    "Tell him what you talked", "Go down the well now", "I knew it was designed", "Look out of the window",
    "Tell Milo the truth", "Answer it in its own language", "You were right.\" Say it",
    "The kite", "The burnt pancakes", "The night at the hospital", "The comet that never came",
    "The tape", "Saltwick, in the rain", "Send the light to both", "Go to Zara first",
    "keep it, but the door", "Say the thing you promised", "No.",
]

# The careless player: busy, defensive, signs what it is given, takes the easy door.
CARELESS = [
    "Check the ping", "Reply to Zara", "She's lonely", "At least my version", "You can't. Not this",
    "Say what you actually", "Just get your coat", "Give them what they've lost", "Leave it in",
    "Skip lunch", "Work through", "Send a heart", "It's late", "Sign it", "Run for the music",
    "Wake yourself", "Let him try it", "Read it line by line", "Go home to Noor", "Put the real key",
    "Watch Julian's feed", "I'm handling it", "Hand him the second crown", "Separate sessions",
    "Ask a greeter", "The door where applause", "Turn his page", "Go to the back of the hall",
    "Tell him it doesn't", "Skip the doors", "Go down the well now", "No. Nobody knew",
    "Look at who's sitting", "Say nothing. Keep your eyes", "Stay. It's what you built", "Open your hands",
]

PERSONAS: dict[str, list[str]] = {
    "careful": CAREFUL,
    "careless": CARELESS,
    "reconciled": CAREFUL,
    "estranged": ["Stay out here", "The door that smells", "The door where applause", "Go down the well now"]
    + CAREFUL,
    "only_zara": ["only light enough for one. Zara", "The door that smells", "Go down the well now"] + CAREFUL,
    "only_julian": ["only light enough for one. Julian", "The door where applause", "Go down the well now"]
    + CAREFUL,
    "plug_pulled": ["Tell Milo to pull the plug"] + CAREFUL,
    "hold_the_door": ["Hold the door yourself", "Ask him to come back", "The door that smells",
                      "Go down the well now"] + CAREFUL,
    "lost_to_irusion": CARELESS,
}


# What each ending's spec pins besides its tag: the state that earned it, and a line saying why.
SPEC_NOTES: dict[str, tuple[str, dict[str, object]]] = {
    "reconciled": ("Both friends wake, and the siblings reconcile: the hardest ending. It is earned in the dive and at "
                   "the core: the promise in the dive room, saying it at the core, three or more memories told "
                   "together, Milo's bond 6+ and lucidity 50+.",
                   {"freed_zara": True, "freed_julian": True, "a4_promised": True, "said_it": True,
                    "milo_shares": True, "bond_milo": {"min": 6}, "lucidity": {"min": 50}}),
    "estranged": ("Both friends wake, and Lyra says it at the core, but in the dive room she sent Milo away instead of "
                  "promising him anything: the siblings stay apart.",
                  {"freed_zara": True, "freed_julian": True, "a4_promised": False}),
    "only_zara": ("Lyra reaches only Zara's kitchen, so there is light for Zara alone.",
                  {"freed_zara": True, "freed_julian": False, "found_julian": False}),
    "only_julian": ("Lyra reaches only Julian's hall, so there is light for Julian alone.",
                    {"freed_zara": False, "freed_julian": True, "found_zara": False}),
    "plug_pulled": ("With the light woven, Lyra tells Milo to pull the plug anyway: everyone wakes hurt.",
                    {"freed_zara": False, "freed_julian": False}),
    "hold_the_door": ("Only Zara was reached, so there is not light enough for both; Lyra, lucid enough, holds the "
                      "door so both can leave.",
                      {"found_zara": True, "found_julian": False, "threads": {"min": 1}, "lucidity": {"min": 40}}),
    "lost_to_irusion": ("A careless night: lucidity gives out at the core and Irusion's offer is carried out.",
                        {"freed_zara": False, "freed_julian": False, "lucidity": {"max": 49}}),
}


MENUS: list[list[str]] = []  # the options offered at each choice of the last `play`


def play(prefs: list[str]) -> tuple[Run, list[int]]:
    """Play to the end; returns the run and the 1-based choice numbers taken."""
    MENUS.clear()
    run = Run(new_engine(0))
    run.read_on()
    numbers: list[int] = []
    while offered := run.engine.choices():
        MENUS.append(offered)
        run.offered.extend(offered)
        index = next((i for pref in prefs for i, text in enumerate(offered) if pref in text), 0)
        run.taken.append(offered[index])
        numbers.append(index + 1)
        run.engine.choose(index)
        run.read_on()
    return run, numbers


def fragment(choice: str, offered: list[str]) -> str:
    """The shortest leading run of words (at least four) that names this choice alone at its choice point."""
    words = choice.split()
    for size in range(min(4, len(words)), len(words) + 1):
        head = " ".join(words[:size])
        if sum(head in text for text in offered) == 1:
            return head
    return choice


def spec_text(name: str, comment: str, run: Run, extra_vars: dict[str, object]) -> str:
    lines = [f"# {comment}", "story: ../../../story/dreamphases.ink", f"name: ending {name}", "steps:"]
    for choice, offered in zip(run.taken, MENUS, strict=True):
        frag = fragment(choice, offered)
        quoted = "'" + frag.replace("'", "''") + "'" if any(c in frag for c in ":#'\"{}[],&*?|-<>=!%@`") else frag
        lines.append(f"- choose: {quoted}")
    lines.append("- tags:")
    lines.append(f"  - 'ending: {run.ending}'")
    if extra_vars:
        lines.append("  vars:")
        for key, value in extra_vars.items():
            if isinstance(value, dict):
                lines.append(f"    {key}:")
                lines.extend(f"      {k}: {v}" for k, v in value.items())
            else:
                lines.append(f"    {key}: {str(value).lower() if isinstance(value, bool) else value}")
    lines.append("  end: true")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    name = argv[0]
    prefs = PERSONAS[name]
    run, numbers = play(prefs)
    if "--spec" in argv:
        comment, expected = SPEC_NOTES[name]
        assert run.ending == name, f"the {name} persona reached {run.ending}"
        (SPECS / f"{name}.playthrough.yaml").write_text(spec_text(name, comment, run, expected), encoding="utf-8")
    if "--choices" in argv:
        print(",".join(map(str, numbers)))
        return 0
    for choice in run.taken:
        print(f"> {choice}")
    stats = {v: run.var(v) for v in ("lucidity", "bond_milo", "bond_zara", "bond_julian", "stability")}
    print(f"ending: {run.ending}  {stats}  memories: {run.memories()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
