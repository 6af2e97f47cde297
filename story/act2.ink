// ACT TWO: The architect.
// Lyra at DreamSync, finishing Halcyon; Zara's and Julian's dependence; the launch is moved up to tonight.
// Both friends can be reached: Zara at lunch, Julian in the evening (or either, or neither, if the work wins).
// Sets: zara_confided, julian_confided, saw_the_seam (if she spots the orphan module), memories (mixtape).

== act2 ==
-> loom

= loom
The Loom has no windows, because it doesn't need them. The band hums, and the thirty-first floor falls away. # scene: The loom
The Halcyon shore. Silver sand that squeaks underfoot. A tide going out so slowly you can watch each wave decide, and where the water leaves, gardens grow: moss, then ferns, then trees with bark like folded paper.
Your design notes hang in the air, pale blue, eighteen months of late nights, mostly to yourself.
NOBODY SHOULD HAVE TO WAKE UP ALONE.
WE ARE NOT SELLING SLEEP. WE ARE SELLING THE FEELING OF BEING HELD.
LET THEM STAY AS LONG AS THEY NEED.
"Lyra." Priya's voice, in your ear, from the real room, flat with tiredness. "Tomas moved the launch. It's tonight. Board wants it out before Lumen's thing on Monday."
"Tonight." # speaker: Lyra
"Tonight. So whatever the garden's going to be, make it be it by six." # speaker: Priya
The garden still has no heart: the thing it grows at its centre for each dreamer, that makes them want to come back.
* (grief_engine) [Give them what they've lost]
    You decide, and the decision spreads through the sand like water through paper.
    The garden will read each dreamer and grow the thing they miss most. A voice. A dog. A house that was sold. Knees that work. You were only waiting to be brave enough, or tired enough.
    The test dreamer walks to the centre of the garden, falls to her knees before something you cannot see, and weeps, and does not want to leave. # pause
    ~ lucid(-3)
    Priya, in your ear: "Retention projections just went vertical. Tomas is going to cry."
* (wonder) [Give them what they've never seen]
    You decide on wonder. The garden will grow what nobody has seen: trees that ring like glasses when the wind touches them, flowers that open into small weather, a fruit that tastes of the colour blue.
    It is lovely and it is strange and the test dreamer wanders in it, smiling, and after a while, wanders out.
    "Retention's soft. Tomas won't like it." # speaker: Priya
    ~ lucid(2)
    "Tomas doesn't have to live in it." # speaker: Lyra
* (door) {lucidity >= 55} [Build a door into every room]
    First, something nobody asked for. Into every garden you set a door: a plain wooden frame in the sand that any dreamer will find if they look. Open it, and you wake.
    It costs you an hour and does nothing for retention. Priya watches the commit go through.
    "Belt and braces," she says at last. "I like it. Nobody else will notice."
    ~ lucid(3)
    Then, because there is no time, you give the garden its heart: what the dreamer has lost. It tests the way Tomas wanted. But there is a door.
- (heart_done) You pull up the audio bed for the shore, the last thing on today's list.
-> mixtape_asset

= mixtape_asset
MIX_M_V3: eleven songs under the sound of the sea, so low they are more like weather. It tests extraordinarily well: like being driven home asleep in the back of a car.
{
    - bond_milo >= 1 || milo_heard:
        You know where it came from. Milo made it for you the morning you left for university: a C90 in a case wrapped in electrical tape, handed over at the station with a scowl. He was thirteen. He spelled half the track list wrong. You ripped it into the studio library three years ago and forgot.
        The library kept the eleven songs and cleaned them. It dropped track twelve as noise.
        -> mixtape_known
    - else:
        Eleven tracks. A boy's voice, half-broken and faint, at the start of track three: "is it recording?" The metadata says you imported it. You must have licensed it from somewhere.
        ~ lucid(-2)
        You leave it in. It tests well. # pause
}
-> telemetry

= mixtape_known
* (kept_mix) [Pull it from the build. It's his.]
    You pull it. The shore goes quiet except for the sea, and the sea is enough, just about.
    You find yourself humming track three, where his half-broken voice mumbles into a cheap microphone before the song. The studio cleaned him out.
    ~ memories += mixtape
    ~ lucid(2)
    There was a track twelve. You are sure of that now. You cannot remember what was on it.
* [Leave it in. It tests well.]
    ~ lucid(-2)
    You leave it in. Half a million people will be driven home asleep tonight by your brother at thirteen, and he will never know.
- -> telemetry

= telemetry
When you surface, the Loom's ceiling is grey and very close. Priya is at the console, one hand on a cold coffee, the other scrolling the beta cohort. Taped to her monitor is a crayon drawing by her daughter, Noor: a purple woman at a desk, labelled MUMMY AT WORK (SLEEPING). # scene: The DreamSync floor
"Before you go. Your friends." # speaker: Priya
She turns the screen to you. Two rows in a column of forty thousand.
ZARA HADDAD. 61 HOURS IN-SESSION, PAST SEVEN DAYS.
JULIAN ACHTERBERG. 58 HOURS IN-SESSION, PAST SEVEN DAYS.
"That's more than they're awake. Your friends are our best testers, Lyra. That's not a compliment." # speaker: Priya
-> choose_visit

// The afternoon: lunch with Zara, or the work. Julian's is the evening's question (`evening`).
= choose_visit
// (A divert from inside a stitch back to its own top does not count as a new visit in ink, so the
// return from Priya is told by her choice's count, not by `choose_visit`'s.)
{asked_priya:
    Priya has gone back to her screens. The gap in your afternoon is still there.
- else:
    There's a gap in your afternoon before the sign-off at eleven. Zara is free for lunch; she always is, now. Julian asked you round this evening. The tide can wait, probably.
}
* (asked_priya) {lucidity >= 55} [Ask Priya to flag them for a wellness check]
    "Can you flag them? Wellness check, session caps. Something." # speaker: Lyra
    Priya chews her lip. "Not without their consent, not before launch. If I override consent and it goes wrong, it's my name, and I'm the one with a kid and a mortgage. But I can put them on my watch list. If anything looks wrong tonight, they're first."
    "Thank you." # speaker: Lyra
    ~ lucid(2)
    "Don't thank me. Go and see them. That's the actual wellness check." # speaker: Priya
    -> choose_visit
* (saw_zara) [Take Zara to lunch]
    -> zara_lunch
* (worked) [Skip lunch. The tide needs you.]
    -> desk

= desk
You eat a protein bar over the keyboard and run the tide simulation forty times. # scene: The DreamSync floor
On every run the tide stalls at the same moment: forty-one minutes in, a wall of water held at the turn, as if it were waiting for permission. You find a timeout, patch it, and the stall goes away. You don't find out why it was there.
~ lucid(2)
By six the tide turns clean. Nobody will ever know how many times you watched it not.
-> evening

= evening
{
- saw_zara:
    It is seven when you get back to your desk, with Zara's laugh still in your ears and the tide still wrong. Julian's message from this morning is still on your wrist: I have jasmine, and no one to waste it on. # scene: The DreamSync floor
- else:
    At seven your wrist reminds you: Julian's, this evening. He wrote this morning: I have jasmine, and no one to waste it on.
}
* (saw_julian) [Go to Julian's before the sign-off]
    -> julian_evening
* [Work through to the sign-off]
    You work through. The tide is nearly right. Nearly is what you ship.
    -> the_other

= zara_lunch
The noodle bar on Calder Street, the one with the steamed windows and the cat that belongs to nobody. Zara is already there, in sunglasses, indoors, in November. # scene: The noodle bar
"Don't," she says, before you've sat down. "I know. I look like a vampire who's been dumped. I've ordered for you. You're having the spicy one and you're going to complain about it."
Band marks on her temples, two faint pink crescents. She's been in since this morning. Maybe since last night.
"So. Your garden grew me a horse." # speaker: Zara
"Sorry?" # speaker: Lyra
"In the beta. The tide went out, and there was a horse. Grey. Enormous. Very judgemental eyes. I've never wanted a horse, Lyra. I love him. His name is Gerald." # speaker: Zara
* (z_played) {lucidity >= 45} [Play along]
    "Gerald deserves better than you." # speaker: Lyra
    "Gerald deserves the world, and I am giving it to him, sixty hours a week." # speaker: Zara
    ~ zara(1)
    She laughs. It is a good laugh, the real one, a bit too loud, and the cat looks up. For a second she's entirely Zara.
* (z_hours) [Tell her you've seen her hours]
    "Sixty-one hours, Zara. Last week." # speaker: Lyra
    The sunglasses stay on. The smile stays on.
    "Have you been reading my diary? That's a violation. I'm reporting you to yourself." # speaker: Zara
    {bond_zara >= 3:
        ~ zara(1)
        But her hand finds yours under the table for a second, and squeezes, and lets go. She is not telling you to stop.
    - else:
        ~ zara(-1)
        She picks up the menu she has already ordered from and reads it with great interest.
    }
* (z_pitch) {lucidity < 45} [Tell her about the new build]
    You mean to ask how she is. What comes out is the launch deck. # nightmare
    "It's better in nine. The garden's persistent now, it remembers you between sessions, you won't have to rebuild Gerald every night, he'll just be there, waiting." # speaker: Lyra
    You can hear yourself. You can hear the slide transitions. You cannot stop. # nightmare
    Zara takes her sunglasses off for the first time. Her eyes are red at the rims.
    ~ zara(-1)
    ~ lucid(-2)
    "Wow. Okay. Did you just sell me my own horse?" # speaker: Zara
- (z_round_two) The noodles come. Zara eats like someone who forgot to, for a while.
{bond_zara >= 3:
    -> zara_mother
}
"Anyway. I've got to be somewhere. And by somewhere, I mean horizontal." # speaker: Zara
She leaves cash on the table and a kiss on the top of your head, and a laugh at the door that doesn't quite make it outside.
You sit with the spicy noodles. You complain about them to the cat.
-> evening

= zara_mother
She puts her chopsticks down and turns to the window, which has nothing in it but steam.
"She called me Auntie on Tuesday." # speaker: Zara
"Mum. At Rosewood. I brought her the good dates, the ones she likes, and she held my hand and called me Auntie Soraya, and asked if her daughter was coming. I said yes. Soon. And then I went and sat in the car for an hour." # speaker: Zara
"Soraya's been dead since 2031." # speaker: Zara # pause
"In there, she knows me. The tide goes out, and there's our kitchen in the sand, yellow tiles and all, and she says Zee, pass me the good spoon. Nobody's called me Zee for four years. Do you know how long four years is when you're counting?" # speaker: Zara
She smiles like it's a joke. Her hands are flat on the table, very still.
* (z_listened) [Just listen]
    You don't fix it. You move your chair round to her side, and she puts her head on your shoulder, sunglasses and all, and the cat sits on both your feet.
    ~ zara_confided = true
    ~ zara(2)
    "Don't you dare make it stop," she says into your coat. "I know what you're thinking. Don't you dare."
* (z_fixed) [Tell her it isn't really her mother]
    "Zara. It isn't her. You know it isn't her." # speaker: Lyra
    The sunglasses go back on.
    "I know, Lyra. I'm sad, I'm not stupid. Thanks, though. Really useful. Great chat." # speaker: Zara
    ~ zara(-2)
    She's gone a minute later, leaving cash on the table and half her noodles.
* (z_truth) {lucidity >= 60} [Tell her how the garden really does it]
    "Do you want to know how it does it? The garden?" # speaker: Lyra
    She hesitates, then nods.
    "It's never met your mum. It reads you. Everything she is in there is you, remembering her, and the garden holding it up to the light. Every spoon." # speaker: Lyra
    Zara is quiet for a long time.
    "So it's me. That's worse." She takes the sunglasses off and wipes her eyes with the heel of her hand. "No. That's better. I don't know. Both."
    ~ zara_confided = true
    ~ zara(1)
    ~ lucid(2)
    "I still know how she says it. Zee. I still know that." # speaker: Zara
- -> evening

= julian_evening
Julian's flat is the top floor of an old school. High windows. Very clean, very quiet. # scene: Julian's flat
The piano is in the corner, lid closed. On the lid, a folded cloth; on the cloth, a bowl of keys and coins and reading glasses. Furniture.
"Lyra. Thank you for coming. I am afraid I have only tea." # speaker: Julian
He carries the pot with both hands. His right hand trembles, steadily, an engine idling. Since the ice last February: the fall, the nerve. The surgeons were pleased. He was very polite to them about it.
{choose_visit.saw_zara:
    ~ expect(choose_visit.saw_zara, "lunch with Zara")
    "You have seen Zara today. You smell of chilli, and you have the expression." # speaker: Julian
    "What expression?" # speaker: Lyra
    "The one people have after Zara. As if they have been through a car wash." # speaker: Julian
}
* (j_tea) [Take the teapot from him]
    // He accepts help only when it is asked for: a clear-headed Lyra asks, a tired one grabs.
    {lucidity >= 55:
        You wait until he has set it down on the tray, and then you ask, the way you would ask a stranger.
        "May I pour? I never get to be the host." # speaker: Lyra
        ~ julian(1)
        He lets you, with a small bow of the head. "Thank you. It is heavier than it looks. Everything is, now." It is the most he has said about it since the hospital.
    - else:
        You reach for it without thinking, while it is still in his hands.
        ~ julian(-1)
        He doesn't let go. "I can pour tea, Lyra." Quite gently. He pours it. A little goes in the saucer. Neither of you mentions it.
    }
* (j_beta) [Ask him what he does in the garden]
    "What does the garden grow for you? In the beta?" # speaker: Lyra
    Something in his face unlocks.
    "A hall. Your Solace Hall, gold and red, every seat full. A proper piano, the keys slightly yellow. And I play the Schubert. The G-flat Impromptu." # speaker: Julian
    ~ julian(1)
    ~ lucid(-2)
    "My hands are perfectly still, Lyra. I play it as I played it at my graduation recital. You turned the pages. Better, I think. I understand it better now." # speaker: Julian # pause
* (j_piano) [Look at the piano]
    You look at the piano. He sees you look.
    "It is a very good piece of furniture. It holds a great many keys." # speaker: Julian
    He means the bowl. He is making a joke. Julian almost never makes jokes, and this one is so sad you don't know where to put your face.
- (j_round_two) The tea is jasmine and much too hot. The windows go from grey to dark.
"May I ask you something, as the architect?" # speaker: Julian
"Is it wrong to prefer it? I do not mean the hall. I mean myself, in the hall. I know he is not real. I find I like him more than the one who drinks from the tap." # speaker: Julian
He says it lightly, the way he says everything that matters, as if handing you a cup that might be hot.
{bond_julian >= 3:
    -> julian_plays
}
* ["Everyone needs somewhere to rest."]
    "It isn't wrong. Everyone needs somewhere to rest." # speaker: Lyra
    "Yes. That is what the brochure says." # speaker: Julian
    He smiles to show he is teasing, and you both let the question go unanswered.
* ["I like the one who drinks from the tap."]
    "I like the one who drinks from the tap. I've known him longer." # speaker: Lyra
    ~ julian(1)
    He looks down at his hands for a while. "That is a kind thing to say to a man with a very clean kitchen." But he doesn't pick the band up while you are there.
- "You should go," Julian says eventually. "You have your launch. I have," and he makes a small gesture at the band on the side table, "an engagement."
He sees you to the door with great courtesy. You stand in the stairwell afterwards for a while, hearing nothing at all through it.
-> the_other

= julian_plays
Instead of answering, you nod at the piano.
"Play something for me. Here. Now." # speaker: Lyra
He holds your gaze for a long moment. Then, slowly, he moves the bowl and the cloth, and lifts the lid.
He plays the first four bars of the Schubert. The right hand shakes, and the notes come out smeared, like someone speaking with a cold, and in the fifth bar it misses, and he stops. # pause
"That is what I sound like now. In there, I sound like I did. You understand why I go." # speaker: Julian
* (j_sat) [Sit beside him on the bench]
    You sit down next to him and say nothing. After a while he puts his right hand on the keys again, not playing, and lets it shake where you can see it.
    ~ julian_confided = true
    ~ julian(2)
    "I have not shown anyone. I cannot carry a glass of water across a room anymore without spilling it. I have started drinking from the tap, so that no one sees. Not my mother. Not the surgeon. They only see me in gloves." # speaker: Julian
* (j_praised) [Tell him it was beautiful]
    "It was beautiful, Julian. Honestly." # speaker: Lyra
    He closes the lid.
    ~ julian(-1)
    "Please don't. You of all people know the difference between beautiful and kind. You sell it." # speaker: Julian
* (j_duet) {lucidity >= 60} [Play the left hand, and let him try the right]
    You sit down on the bench, on the bass side, and put your hands where he taught you years ago, at a party, badly.
    "You do the left hand. No. You do the right. I'll do the left. I'll be terrible." # speaker: Lyra
    "You will be." # speaker: Julian
    You are. He is too. His right hand smears and misses, your left drags like a tired dog, and together you get through the whole first page, and at the end of it he is laughing, silently, with his eyes shut. # pause
    "That was the worst Schubert I have heard in my life. Thank you." # speaker: Julian
    ~ julian_confided = true
    ~ julian(2)
    ~ lucid(2)
    Then, with his eyes on his hands on the keys: "I cannot carry a glass of water across a room anymore. Did you know? I drink from the tap, so no one sees me spill. I have not told anyone that."
- You leave later than you meant to. He waves from the high window, with his left hand.
-> the_other

// The taxi to the sign-off: whoever Lyra did not see today reaches her here.
= the_other
{
    - choose_visit.saw_zara && evening.saw_julian:
        In the taxi to the tower, your wrist buzzes twice. A group message, the three of you, the thread Zara named GERALD'S PEOPLE years before there was a Gerald. # scene: Night taxi
        ZARA: launch night!!! proud of u. J is also proud but in a reserved european way
        JULIAN: I am proud in a perfectly ordinary way. Good luck tonight, Lyra.
        You send them both a moon, and sit with the phone warm in your hand all the way to the tower.
        -> sign_off
    - choose_visit.saw_zara:
        In the taxi to the tower, your wrist buzzes. Julian. # scene: Night taxi
        JULIAN: I am told the launch has moved to tonight. I find I am glad. I hope that does not worry you.
    - evening.saw_julian:
        In the taxi to the tower, your wrist buzzes. Zara, a voice note. # scene: Night taxi
        "Heard it's tonight! Gerald and I will be in the front row. He's wearing a hat. Call me, or don't, I'll be asleep, ha ha, obviously." # speaker: Zara
    - else:
        In the taxi to the tower, your wrist buzzes twice. Zara, a voice note: she and a horse called Gerald will be in the front row tonight. Julian, a text: he hopes you are eating. You haven't seen either of them in a fortnight. # scene: Night taxi
}
* (called_other) [Call back]
    {
    - choose_visit.saw_zara:
        Julian answers on the second ring, as he always does. You talk about the rain, the tram strike, a pianist he considers overrated.
        ~ julian(1)
        It is the nicest ten minutes of your day.
    - evening.saw_julian:
        Zara answers on the first ring and talks for the whole ride without letting you get a word in, about Gerald, about a man at the pharmacy, about nothing.
        ~ zara(1)
        It is exactly what you needed, and you suspect she knows.
    - else:
        You call Zara, because she's the one who'll answer. She does, on the first ring, and talks the whole ride. You mean to call Julian after. The taxi stops.
        ~ zara(1)
        You tell yourself there'll be time.
    }
* (hearted_other) [Send a heart]
    You send a heart. It's late, and you're tired, and there'll be time.
    {
    - choose_visit.saw_zara:
        JULIAN: Thank you. Goodnight, Lyra.
    - evening.saw_julian:
        ZARA: ♥♥♥ (gerald says ♥)
    - else:
        ZARA: ♥♥♥ (gerald says ♥)
        JULIAN: Goodnight, Lyra.
    }
- -> sign_off

= sign_off
Eleven at night, thirty-first floor. The city below is mostly asleep, and most of the asleep is yours. # scene: The DreamSync boardroom
Tomas Hale waits in the glass room with the release on the wall and a bottle he will open whether you sign or not.
"There she is. The architect. Forty thousand in the beta cohort tonight, half a million on the main network by the weekend. I need your name on it, Lyra. It's tradition." # speaker: Tomas
The diff scrolls on the wall: three hundred thousand lines, most of them yours. You know its shape the way you know your own handwriting.
{lucidity >= 60:
    -> orphan
}
-> sign_choice

= orphan
Which is how you notice that something in it is not your handwriting, and is. # pause
A module near the bottom of the tree, small and tidy, with no name you know in the commit log. It is called hold_until_whole. It sits between the garden and the wake triggers, like a hand resting on a door handle.
The comments are your design notes, word for word, the ones you wrote to yourself at two in the morning. LET THEM STAY AS LONG AS THEY NEED. Where an author's name belongs, seven letters nobody on your team would type: IRUSION. And at the bottom, where you would sign a letter, one word in lower case. # glitch: 1
we # glitch: 2
* (flagged) [Flag it. Now.]
    "Tomas. Who wrote this?" # speaker: Lyra
    He squints at the wall. "Contractors? It passed the test suite, it's signed by the build system. It's your comments, Lyra, look, it's your stuff."
    "I didn't write this." # speaker: Lyra
    "Then someone did a very good impression of you. Irusion, whatever that is. Some contractor's handle." He opens the bottle. "It passed. It ships."
    ~ saw_the_seam = true
    ~ lucid(3)
    You screenshot it. You send it to yourself. You don't know why. You will, later.
* [It's late. It passed the tests.]
    It passed the tests. It's eleven at night. It's your comments, after all; maybe you did write it, one of those nights you don't remember. There are a lot of nights you don't remember, lately.
    ~ lucid(-2)
    You scroll on. The word stays with you anyway, like a splinter. we.
- -> sign_choice

= sign_choice
* (signed) [Sign it]
    You sign. Your name goes up on the wall in the company font, under the word HALCYON, and Tomas claps, alone, in the glass room.
    ~ lucid(-2)
    "Go home. Get some sleep. Ha. Go and watch it from inside, I know you will." # speaker: Tomas
* (refused) [Refuse to sign]
    "No. Not tonight. Give me a week." # speaker: Lyra
    Tomas gives you a look of real sympathy, and you would rather he had shouted.
    ~ lucid(2)
    "Noted," he says, and signs it himself, with the product override, and the wall turns green all the same. "For the record. You said no. I'll make sure it's in the minutes."
* (pulled) {bond_zara >= 4 or bond_julian >= 4} [First, take Zara and Julian out of the cohort]
    Two taps each and they are out of the cohort. Architect's privilege. Then you sign, because it will ship anyway. Four minutes later:
    ZARA: {bond_zara >= 4:did u just kick me out of heaven?? rejoined. sorry. love you. don't. ♥|rejoined. nice try.}
    JULIAN: {bond_julian >= 4:I have been removed from the trial, I suspect by a friend. I have re-enrolled. I hope you understand.|I have corrected an error in my enrolment.}
    ~ zara(-1)
    ~ julian(-1)
    ~ lucid(2)
    The consent override. You built that too. # pause
- You go home and put the band on, of course. The architect always watches the launch from inside. # scene: Lyra's flat
-> act3
