"""Each of the seven endings, reached by a stored route, and earned by the state the story tracks.

A route is a list of fragments of choice text (see `storyrun.choose_by_text`); each test plays it on
the story compiled by our compiler, checks that the last line carries `# ending: <id>`, and checks
the stats that the story's own conditions require for that ending (act 5's light, act 6's
`a6_can_reconcile`), so a route that reached an ending by some other door would fail.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from story.storyrun import ENDINGS, Run, play_route

ROUTES: dict[str, list[str]] = {
    "reconciled": [
        'Check the ping on', 'Put it away', '"I didn\'t know she\'d', '"At least my version',
        'Stay. Take the band', '"Tell me something. Anything', 'Build a door into', 'Pull it from the',
        'Ask Priya to flag', "Go to Julian's before", 'Take the teapot from', 'Send a heart',
        'Flag it. Now.', 'Refuse to sign', 'Look for the seam', 'Show them what you', '"Go home to Noor."',
        'Put down the dead', 'Turn the sound up', '"I need you. I\'m', '"You were right. At',
        'Separate sessions. He follows', 'Look for the seam', 'The door that smells', 'Tell Zara none of',
        'The door where applause', "Reach into the hall's", 'Go down the well', '"I knew it was',
        "Look at who's sitting", 'Answer it in its', '"You were right." Say', 'The burnt pancakes.',
        'The night at the', 'The kite on the', 'The tape.', 'Send the light to', 'Go to Julian first.',
        'Say the thing you',
    ],
    "estranged": [
        "Ask why Mum isn't", '"She\'s lonely. It helps', '"At least my version', 'Stay. Take the band',
        '"Tell me something. Anything', 'Build a door into', 'Pull it from the', 'Ask Priya to flag',
        'Take Zara to lunch', "Tell her you've seen", 'Send a heart', "It's late. It passed", 'Sign it',
        'Run for the yellow', '"You\'ll fry them. They\'re', 'Read it the way', '"Go home to Noor."',
        'Put down the dead', "Watch Julian's feed", '"I need you. I\'m', '"Stay out here. If',
        'Tether the sessions. One', 'Ask a greeter for', 'The door that smells', 'Tell Zara none of',
        'The door where applause', "Reach into the hall's", "Use the architect's key.", 'Go down the well',
        '"I knew it was', 'Look out of the', 'No.', 'Tell him what you', 'The night at the',
        'The burnt pancakes.', 'Saltwick, in the rain.', 'The tape.', 'Send the light to',
        'Go to Zara first.', '"Come for dinner. Sunday.',
    ],
    "only_zara": [
        'Check the ping on', 'Reply to Zara', '"She\'s lonely. It helps', 'Stay. Take the band',
        '"I\'m fine. Go to', "Give them what they've never", "Go to Julian's before", 'Take the teapot from',
        'Call them back', 'Sign it', "Wake yourself the architect's", '"You\'ll fry them. They\'re',
        'Read it line by', '"Go home to Noor."', 'Put down the dead', "Watch Julian's feed",
        '"I need you. I\'m', '"Stay out here. If', 'Separate sessions. He follows', 'Look for the seam',
        'The door that smells', 'Tell Zara none of', 'Let the smell take', 'Go down the well',
        '"No. Nobody knew."', "Look at who's sitting", "Use the architect's key.", '"You were right." Say',
        'The burnt pancakes.', 'The kite on the', "There's only light enough", 'Tell her she was',
    ],
    "only_julian": [
        'Take the spatula from', 'Flip it anyway', '"What does she say', '"The gold sky is',
        "You can't. Not this", 'Just get your coat', "Give them what they've never", "Go to Julian's before",
        'Take the teapot from', 'Call them back', 'Sign it', 'Wake up', 'Wake up', 'Let him try it',
        'Read it line by', "Watch Zara's feed", '"I\'m handling it. Go', 'Hand him the second',
        'Tether the sessions. One', 'The door where applause', 'Turn his page for', 'Ask him to sing',
        'Go down the well', '"I knew it was', "Look at who's sitting", 'Close your fist around', 'No.',
        'Tell him what you', 'The tape.', 'The night at the', "There's only light enough",
        'Tell him she wanted',
    ],
    "plug_pulled": [
        "Ask why Mum isn't", '"She\'s lonely. It helps', '"The gold sky is', "You can't. Not this",
        'Say what you actually', "Give them what they've lost", "Go to Julian's before",
        'Take the teapot from', 'Call them back', 'Refuse to sign', 'Wake up', 'Wake up', 'Let him try it',
        'Read it line by', "Watch Zara's feed", '"I need you. I\'m', '"Stay out here. If',
        'Tether the sessions. One', 'The door with no', 'Ask him what he', 'The door where applause',
        'Turn his page for', 'Ask him to sing', 'Ask him why he',
    ],
    "hold_the_door": [
        "Ask why Mum isn't", '"I didn\'t know she\'d', '"The gold sky is', 'Stay. Take the band',
        '"I\'m fine. Go to', "Give them what they've lost", "Go to Julian's before", 'Take the teapot from',
        'Call them back', 'Refuse to sign', "Wake yourself the architect's", 'Let him try it',
        'Read it line by', '"Stay. Please. Just for', 'Put the real key', "Watch Zara's feed",
        '"I\'m handling it. Go', '"Stay out here. If', 'Separate sessions. He follows', 'Ask a greeter for',
        'The door where applause', "Reach into the hall's", "Tell him it doesn't", 'Go down the well',
        '"I knew it was', 'Look out of the', 'No.', '"You were right." Say', 'Saltwick, in the rain.',
        'Hold the door yourself,',
    ],
    "lost_to_irusion": [
        "Ask why Mum isn't", '"She\'s lonely. It helps', '"At least my version', "You can't. Not this",
        'Say what you actually', "Give them what they've lost", 'Take Zara to lunch', 'Tell her about the',
        'Send a heart', 'Refuse to sign', 'Wake up', 'Wake up', 'Let him try it', 'Read it line by',
        "Watch Julian's feed", '"Go on, then. Say', '"Stay out here. If', 'Tether the sessions. One',
        'The door with no', 'Ask him what he', "Skip the doors. There's", '"I knew it was',
        "Look at who's sitting",
    ],
}


def light_needed_for_both(run: Run) -> int:
    """Act 5: each friend needs two threads of light, or one if Lyra said the true thing to them."""
    return (1 if run.var("zara_anchor") else 2) + (1 if run.var("julian_anchor") else 2)


def can_reconcile(run: Run) -> bool:
    return (
        int(run.var("bond_milo")) >= 7  # type: ignore[call-overload]
        and bool(run.var("milo_heard"))
        and len(run.memories()) >= 4
        and int(run.var("lucidity")) >= 55  # type: ignore[call-overload]
    )


def freed(run: Run) -> tuple[bool, bool]:
    return bool(run.var("freed_zara")), bool(run.var("freed_julian"))


def earned_reconciled(run: Run) -> None:
    assert freed(run) == (True, True)
    assert int(run.var("bond_milo")) >= 7  # type: ignore[call-overload]
    assert run.var("milo_heard") is True
    assert len(run.memories()) >= 4
    assert int(run.var("lucidity")) >= 55  # type: ignore[call-overload]


def earned_estranged(run: Run) -> None:
    assert freed(run) == (True, True)
    assert not can_reconcile(run)


def earned_only_zara(run: Run) -> None:
    assert freed(run) == (True, False)
    assert int(run.var("threads")) < light_needed_for_both(run)  # type: ignore[call-overload]


def earned_only_julian(run: Run) -> None:
    assert freed(run) == (False, True)
    assert int(run.var("threads")) < light_needed_for_both(run)  # type: ignore[call-overload]


def earned_plug_pulled(run: Run) -> None:
    # This route spends all the time there was: the network reaches zero before the core.
    assert freed(run) == (False, False)
    assert run.var("stability") == 0


def earned_hold_the_door(run: Run) -> None:
    assert freed(run) == (True, True)
    assert int(run.var("threads")) >= 1  # type: ignore[call-overload]
    assert int(run.var("lucidity")) >= 40  # type: ignore[call-overload]
    assert int(run.var("threads")) < light_needed_for_both(run)  # type: ignore[call-overload]


def earned_lost_to_irusion(run: Run) -> None:
    assert freed(run) == (False, False)
    assert run.var("lucidity") == 0


EARNED: dict[str, Callable[[Run], None]] = {
    "reconciled": earned_reconciled,
    "estranged": earned_estranged,
    "only_zara": earned_only_zara,
    "only_julian": earned_only_julian,
    "plug_pulled": earned_plug_pulled,
    "hold_the_door": earned_hold_the_door,
    "lost_to_irusion": earned_lost_to_irusion,
}


def test_every_ending_has_a_route() -> None:
    assert set(ROUTES) == set(ENDINGS) == set(EARNED)


@pytest.mark.parametrize("ending", ENDINGS)
def test_route_reaches_its_ending(ending: str) -> None:
    run = play_route(ROUTES[ending])
    assert run.ending == ending


@pytest.mark.parametrize("ending", ENDINGS)
def test_ending_is_earned_by_the_tracked_state(ending: str) -> None:
    run = play_route(ROUTES[ending])
    EARNED[ending](run)


def test_reconciled_is_offered_only_when_earned() -> None:
    """The estranged route frees both friends too; the missing condition is what keeps them apart."""
    run = play_route(ROUTES["estranged"])
    assert not any("Say the thing you promised" in choice for choice in run.offered)
    assert not can_reconcile(run)
