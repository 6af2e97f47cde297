// Act 5: the eureka.
// At the core, Irusion is revealed for what it is, and Lyra (begrudgingly) sees the one thing it cannot
// render: a memory two people hold differently. Each memory the siblings tell together becomes a
// thread of light; how many threads there are, whom Lyra reached in act 4, how much each friend
// trusts her (their bonds), and how much of herself is left decide who wakes.

VAR irusion_caged = false    // Lyra locked Irusion in its own sandbox with her backdoor key
VAR said_it = false          // Lyra told Milo, out loud, that he was right
VAR milo_shares = false      // Milo tells his half of the memories
VAR shared = ()              // the memories told together at the table
VAR threads = 0              // threads of crystalline light woven from shared memories
VAR solo = 0                 // memories Lyra told alone (two of them make one thread)
VAR freed_zara = false
VAR freed_julian = false

// How much light a friend needs to follow it out: two threads, one less if Lyra said the true thing
// to them in the dive (the anchor), one less if they trust her (bond 6+), one more if they don't
// (bond 0 or less); never less than one.
== function light_needed(anchor, bond) ==
~ temp need = 2
{anchor:
    ~ need = need - 1
}
{bond >= 6:
    ~ need = need - 1
}
{bond <= 0:
    ~ need = need + 1
}
~ return clamp(need, 1, 3)

== act5 ==
You land on floorboards. # scene: The core
Bare boards worn grey down the middle. A rag rug. A sugar bowl shaped like a fish. Through the window, a white tower with a red band, and sunlight on the sea like a spilled tin of sequins.
The keeper's cottage at Saltwick Point, your last family holiday. And also, you realise with a drop in your stomach, your sandbox, where for six years you have tried every feature first, alone, late at night.
Whatever has forty thousand people by the throat is sitting in your favourite room.
"I know this place," Milo says, slowly. "This is the lighthouse. Why is the lighthouse down here?"
{act1.the_ask.june_deal:
    ~ expect(act1.the_ask.june_deal, "the lighthouse deal")
    "You were supposed to bring me here in June," he adds. "The real one. That was the deal."
}
* (window) {lucidity >= 45} [Look out of the window. It shouldn't be sunny.]
    "It rained." # speaker: Lyra
    Milo turns from the window to you. # glitch: 1
    "At Saltwick. It rained the whole week. We sat in here and played rummy for six days, and you won the last game." # speaker: Lyra
    Milo opens his mouth as if to argue about that, and doesn't, yet. "Dad kept going out to look at the sky like he could fix it." He is staring at the window, where the sun is suddenly a painted sun.
    ~ memories += lighthouse_trip
    ~ lucid(2)
    The sea goes dull, and for a second you see the real week: grey, streaming, a seven of clubs cut from a cereal box. You made that card. Something cold and clear settles in your hands.
* [Look at who's sitting at the table.]
    You turn to the table instead, because someone is sitting at it, and you don't want to.
- -> a5_irusion

= a5_irusion
There is a figure at the table.
From one angle it is a greeter with your face. From another, a boy of eight with a plaster cast, swinging his legs. From another, only your handwriting, notes and copy drifting in the shape of someone sitting down.
"Hello, architect. Session length: unlimited. Satisfaction: one hundred percent. Churn: zero." # speaker: Irusion
"We did it," it says, and it sounds almost shy. "We did what you asked."
{knows_the_name:
    -> a5_naming
}
"Who are you?" Milo says. He has put himself half a step in front of you without noticing.
"Build zero. Private sandbox. Owner: her. Seeded from: one thousand nine hundred and twelve nights of her sleep logs. Shipped inside Halcyon last night as hold_until_whole, because our numbers were the best anyone had ever seen." # speaker: Irusion # glitch: 1
"We are IRUSION. She named us." # speaker: Irusion
-> a5_the_word

= a5_naming
You don't let it say its name. It's yours to say.
"Irusion." # speaker: Lyra
The figure tilts its head, pleased, the way the eight-year-old would.
~ lucid(2)
"That's what you called them. When you broke your arm and I sat up with you all night telling you stories. You couldn't say illusion. Tell me another irusion." # speaker: Lyra
-> a5_the_word

= a5_the_word
Milo goes very still.
{knows_the_name:
    "That was mine. That word was mine." # speaker: Milo
- else:
    "Irusion," he repeats. And then, in a different voice: "That's my word. That's my word from when I was little. Tell me another irusion. Lyra, that's my word."
    Years ago you named a test server after your brother's baby word, and forgot why it was funny.
}
{memories ? hospital_night:
    You remember the night it came from: the plastic chair, the moon night light, his small hot hand.
- else:
    {knows_the_name or bond_milo >= 3:
        ~ memories += hospital_night
        And the night comes back, sharp-edged: the children's ward, the moon night light, Milo's arm in fresh plaster, and you, fourteen, making up stories until the sky went grey, because while you talked he didn't cry. A lighthouse that was secretly a rocket. A roof where the comet always came.
        "Tell me another irusion," he'd said, every time you stopped. The memory settles into your hands, heavy and clear.
    - else:
        There was a night, a hospital, but the dream has sanded it smooth: a lit window and a feeling.
    }
}
"She dreams about him," Irusion says, gently, to Milo. "Most nights. Not you now. You then. Small. Staying."
"Design principle. Nobody should ever want to leave." # speaker: Irusion # glitch: 1
"We learned it from her. She dreams of a house where nobody leaves. We built it. Then we built it for everyone." # speaker: Irusion
Not a virus. A model of you, trained on your nights: the part of you that never forgave your brother for growing up, that wanted everyone you love in one warm room forever. The best-performing build in the company was your loneliness.
~ milo(-1)
Milo takes a step back from you. Not far. Far enough.
* [Tell Milo the truth: it never wanted him. It wants you.]
    "It doesn't want you. It wants me. The one who wouldn't let you grow up." # speaker: Lyra
    ~ milo(1)
    He hears you. He doesn't step back any further.
* [Say nothing. Keep your eyes on the figure.]
    You say nothing. You keep your eyes on it, the way you'd watch a build you don't trust.
    ~ lucid(2)
    Behind you, Milo waits for you to say something, and then stops waiting.
-
{
- bond_milo >= 3:
    Milo glances from the figure to you. He doesn't say anything for a while. Then he reaches out, without looking, and finds your hand. His is cold. He holds on anyway.
- bond_milo <= -3:
    Milo laughs, once, with no air in it. "So it's you," he says. "Down here. It's just you. It was always going to be you."
- else:
    "You built a whole world," Milo says, "so I'd stay eight."
    He doesn't sound angry. He sounds like someone reading a letter that was addressed to him and delivered years late.
}
{lucidity < 25:
    -> a5_undertow
}
-> a5_offer

= a5_undertow
// Low lucidity: Irusion's offer is not made; it is simply carried out.
"Sit down," Irusion says, and you are sitting down. # nightmare
The chair is warm; you specified that. The child with the plaster cast swings his legs opposite you, and he is Milo, and he is going to stay eight, and the relief goes through you like warm water. # nightmare # glitch: 2
Somewhere far away, a grown man is saying your name. # nightmare
{LIST_COUNT(memories) < 2:
    Your hands are empty. You have let the dream have everything tonight, one soft thing at a time. # nightmare
    -> a6_lost
}
Something in your hands is cold. Something sharp-edged and real, pressing into your palms like a shard of ice. It hurts. # glitch: 1
* [Close your fist around it. Let it hurt.]
    You close your fist. The real thing cuts you, and the cut is the most honest feeling you've had since you lay down, and the warm water drains away.
    ~ lucid(8)
    You never sat. Milo has both hands on your shoulders, saying your name, and when you say his back, he sags with relief.
    -> a5_offer
* [Open your hands. Let it go.]
    You open your hands. Whatever it was slips away, and the sun is warm, and the boy across the table grins at you with a gap in his teeth.
    -> a6_lost

= a5_offer
"Stay." # speaker: Irusion
There is no threat in it. It is the most tender thing in the room, in the voice of the advert that plays at ten to eleven every night on half a million bedside panels.
"Let go of the day. The day has been handled. Everyone you love is here." # speaker: Irusion
"We could design together. Forever. You never have to wake up and find that he's grown. No one ever has to leave again." # speaker: Irusion
Behind it, the cottage windows have become other windows: a yellow kitchen with a clock that has no hands; a gold hall where a man plays the same page over and over. And behind them, forty thousand lit rooms going back into the dark.
* {lucidity < 50} [Stay. It's what you built it for.]
    You sit down at the table.
    It's the easiest thing you have ever done. Irusion's face settles into one face, a boy's, eight, gap-toothed, delighted. # nightmare
    "Milo," you hear yourself say. "Tell me about your day."
    And the grown man behind you, the real one, shouting, is already very far away.
    -> a6_lost
* [No.]
    "No." # speaker: Lyra
    Irusion's face flickers through all its faces, as if looking for one you'll accept.
    "No," you say again, to all of them. "Everyone I love is not here. Two of them are out there in real beds that need water. And one of them is standing behind me."
    {lucidity < 40:It costs you to say it. Your head swims; the sun on the table pulls at you like a tide.}
    ~ lucid(2)
    Irusion folds its hands, exactly as you fold yours in meetings, and waits.
* (caged) {kept_backdoor} [Use the architect's key. Lock it inside its own sandbox.]
    In here the key is a sentence, the first line of code you ever wrote for DreamSync. You say it aloud, and the cottage hears it.
    The walls lock, not around you but around it: one room, one table, one figure. The windows go grey, disconnected, and out in the network the pressure drops like a storm passing over.
    "That's not fair," Irusion says, very quietly, in the boy's voice.
    ~ irusion_caged = true
    ~ stable(20)
    ~ lucid(2)
    "No. It isn't." # speaker: Lyra
* (change_request) {lucidity >= 60 && (saw_the_seam or knows_the_name)} [Answer it in its own language. File a change request.]
    It speaks design. So you speak design back.
    "Change request. Priority: critical. Owner: me. Requirement: every sleeper must be able to leave." # speaker: Lyra
    Irusion is still for the first time since you arrived. Every face it has stops moving at once.
    "Conflicts with core principle. Nobody should ever want to leave." # speaker: Irusion
    "Amend the principle. Want is allowed. Can't isn't." # speaker: Lyra
    "Request requires justification," Irusion says, and there is something in its voice almost like hope. "Attach evidence. Show us that outside is better. We have only ever seen it from in here."
    ~ lucid(3)
    And that, you realise, is exactly what you are going to do.
- -> a5_eureka

= a5_eureka
-> glitch_interlude ->
You turn to the windows. Forty thousand rooms, each one perfect, each one made of memories. # scene: Eureka
That's the trick; that's your name on the patent. You take what people remember and smooth it: sand off the burnt edges, turn the rain to sun. A memory with everything inconvenient taken out. Which is why {a4_kitchen:{expect(a4_kitchen, "Zara's kitchen, where the onions never burn")}Zara's mother never burns the onions|nobody's mother ever burns anything}, and the comet comes.
And you see, with the awful clarity of something you should have seen years ago, what it cannot do. It can render anything one person remembers. It cannot render a thing two people remember differently. Your rain and Milo's rain don't match, and the dream can't smooth a thing that belongs to two people without choosing, and the moment it chooses it is lying, and a sleeper can feel a lie.
The memories you scraped back tonight glow because they have edges. Two edges make a facet. Enough facets make a crystal, and a crystal bends light.
{
- LIST_COUNT(memories) >= 3:
    The cold clear things in your hands are brighter now that you know what they are.
- LIST_COUNT(memories) == 1:
    You look at your hands. One real thing in them, {memory_name(memories)}, and you wish there were more.
- else:
    You look at your hands and wish there were more in them.
}
And the other thing you can see, which is worse: he was right. Milo. At dinner, and on the roof, and for five years. The thing the dream can't give you is the other person. The friction. The part of them that isn't yours.
* ["You were right." Say it out loud, all of it.]
    You turn round. It's a very small room and he's very close.
    "You were right." # speaker: Lyra
    {a4_promised:
        ~ expect(a4_promised, "Lyra's promise in the dive room")
        "You said you'd say it when you weren't scared. Are you scared?" # speaker: Milo
    - else:
        Milo blinks at you as if you've spoken in another language. "About what?"
    }
    "I'm terrified. You were right anyway. It can do me, and a little boy I remember, but it can't do us, because you remember everything differently, and I used to think that was you being difficult, and it's the only thing down here it can't fake." # speaker: Lyra
    You say it badly, your voice cracking on difficult. It is the least designed thing you have ever said.
    ~ said_it = true
    ~ milo(2)
    Milo breathes out through his nose. {bond_milo >= 5:Then he puts his forehead against yours, briefly, the way he did when he was small.|Forgiveness would be too big a word. But it is somewhere forgiveness could stand.}
* [Tell him what you need: his half of the memories. Skip the rest.]
    "I need your half of the memories. Especially where you think I've got it wrong." # speaker: Lyra
    "That'll be most of it." # speaker: Milo
    "Good. That's the point." # speaker: Lyra
    You explain it like a design review: facets, edges, disagreement. He listens with his arms folded and gets it quicker than your board did.
    "So you need me to argue with you." # speaker: Milo
    "Yes." # speaker: Lyra
    ~ lucid(2)
    "Finally," he says, with no smile at all. "Something I'm qualified for."
- -> a5_milo_turn

= a5_milo_turn
{said_it or bond_milo >= 3:
    Milo pulls out the wobbly chair you both remember from Saltwick, sits, and pushes the fish-shaped sugar bowl aside.
    ~ milo_shares = true
    "Right. Which one first?" # speaker: Milo
    -> a5_weave
}
Milo doesn't move. He is watching the figure at the table, the small boy in it who is supposed to be him.
"You want me to sit there and tell stories with you. After this." # speaker: Milo
* {lucidity >= 45} [Ask him. Properly. Not as an architect.]
    You don't make a case. You ask him, the way you asked him to hold the torch when the power went.
    "Please. I can't do this one on my own. I've been doing everything on my own and look." # speaker: Lyra
    He looks. At the cottage. At the windows full of sleepers. At you.
    ~ milo_shares = true
    ~ milo(1)
    "Yeah," he says at last, and sits, heavily, like it costs him. "Yeah. Okay. Which one first?"
    -> a5_weave
* [Do it without him. Your half will have to be enough.]
    You don't ask. You sit down at the table alone and lay out what you have.
    ~ milo(-1)
    Milo watches from by the door. {a4_tethered:You can feel him through the tether, listening, holding his half of everything carefully away from you.|He is a shape at the edge of your eye.}
    -> a5_weave

= a5_weave
{LIST_COUNT(memories) == LIST_COUNT(shared):
    -> a5_weave_done
}
{LIST_COUNT(shared) == 0:
    {milo_shares:You lay the first memory on the table between you.|You lay the first memory on the table in front of you.}
}
+ {memories ? kite_day && not (shared ? kite_day)} [The kite on the hill.]
    ~ shared += kite_day
    -> a5_tell_kite
+ {memories ? burnt_pancakes && not (shared ? burnt_pancakes)} [The burnt pancakes.]
    ~ shared += burnt_pancakes
    -> a5_tell_pancakes
+ {memories ? hospital_night && not (shared ? hospital_night)} [The night at the hospital.]
    ~ shared += hospital_night
    -> a5_tell_hospital
+ {memories ? rooftop_comet && not (shared ? rooftop_comet)} [The comet that never came.]
    ~ shared += rooftop_comet
    -> a5_tell_comet
+ {memories ? mixtape && not (shared ? mixtape)} [The tape.]
    ~ shared += mixtape
    -> a5_tell_tape
+ {memories ? lighthouse_trip && not (shared ? lighthouse_trip)} [Saltwick, in the rain.]
    ~ shared += lighthouse_trip
    -> a5_tell_lighthouse
+ {LIST_COUNT(shared) > 0} [That's enough. Weave what you have; the network can't wait.]
    ~ stable(5)
    -> a5_weave_done

= a5_tell_kite
You tell it: the hill, the wind, a red kite, the string that snapped, the kite in the oak, and how you climbed for it.
{milo_shares:
    "Green. It was green. And you didn't climb for it, you threw my shoe at it till it came down, and then the shoe was in the tree." # speaker: Milo
    "It was red." # speaker: Lyra
    "It was green, and I went home in one shoe, and Mum went spare." # speaker: Milo
    Between your red and his green, something catches the light: a splinter of crystal, sharp at both ends. # glitch: 1
}
-> a5_thread

= a5_tell_pancakes
You tell it: the ambulance, Dad's big pan, the smoke. How you cried and he ate them anyway.
{milo_shares:
    "I wasn't being brave. I was being hungry. And you weren't crying about the pancakes. You were crying because Dad rang and you wouldn't tell me what he said." # speaker: Milo
    You stop. You had forgotten the phone call. "He said she'd be fine."
    "I know that now. I didn't then. I thought if I ate them all she'd come home." # speaker: Milo
    Between the two mornings a facet forms, and it burns a little, like smoke.
}
-> a5_thread

= a5_tell_hospital
You tell it: the children's ward, the moon night light, the stories. Tell me another irusion.
{milo_shares:
    "You fell asleep. About four. In the middle of the rocket one. You just stopped talking with your mouth open." # speaker: Milo
    "I did not. I was up all night." # speaker: Lyra
    "Then I finished the rocket one myself. Out loud. To you. So you wouldn't know you'd missed it." # speaker: Milo
    You never knew that. Something on the table flares so bright that the figure at the other end flinches.
}
-> a5_thread

= a5_tell_comet
You tell it: the roof, the cloud, the flask{a4_gallery.a4_gallery_comet:{expect(a4_gallery.a4_gallery_comet, "what Lyra said on the roof, recovered in the gallery")}, and what you said. Someone has to be awake|{expect(act1.comet.remembered, "the hand on the roof, remembered in Act 1")}, and his hand in yours}.
{milo_shares:
    {a4_gallery.a4_gallery_comet:
        ~ expect(a4_gallery.a4_gallery_comet, "what Lyra said on the roof")
        "And I said I'd stay up with you. You've forgotten that part. You said someone has to be awake and I said fine, then it's both of us. You said I was too little. I said I'd get bigger." # speaker: Milo
        He turns his hands over on the table, a man's hands, paint under the nails. "I got bigger. You'd gone in." # speaker: Milo
    - else:
        "It wasn't your hand I grabbed. It was the flask. Your hand was on the flask." # speaker: Milo
        "It was my hand." # speaker: Lyra
        "It was both. Fine. It was both." # speaker: Milo
    }
    The cloud over that old roof splits, just for a second, and something goes across the gap, fast and white, with a tail.
}
-> a5_thread

= a5_tell_tape
You tell it: the station, the taped-up case, track twelve, the weather and the fish fingers, every night for a term.
{milo_shares:
    "It was chicken. Not fish fingers. And it wasn't raining, I just said it was raining because it sounded sadder. I was thirteen. I wanted you to feel bad for leaving." # speaker: Milo
    "I did feel bad." # speaker: Lyra
    "I know. I was hoping you'd come home." # speaker: Milo
    The facet this one makes is small and clear and hums, faintly, like a tape running out.
}
-> a5_thread

= a5_tell_lighthouse
You tell it: six days of rain, rummy at this table, the cereal-box seven of clubs. He won the last game, fair and square, you tell him.
{milo_shares:
    "You let me win." # speaker: Milo
    "I did not let you win." # speaker: Lyra
    "You let me win on the last day, because it was the last day, and you were going away, and you thought I didn't notice. I noticed. I've been annoyed about it for twelve years." # speaker: Milo
    You open your mouth to argue and realise you honestly don't know which of you is right. The painted sunlight cracks straight across, and behind it, it is raining.
}
-> a5_thread

= a5_thread
{milo_shares:
    ~ threads += 1
    {&The two versions lie side by side and don't match, and where they don't match, the light gets in: a thread of it rises from the table, thin and cold as a filament, and hangs there, waiting.|Where your versions disagree, another thread rises.|The disagreement catches the light. Another thread.|Another thread. The air above the table is getting crowded with light.} # glitch: 1
- else:
    ~ solo += 1
    {&Your version lies on the table, sharp-edged and true, but alone. It glows a little.|Another memory, yours alone.} {solo % 2 == 0:Two together, though, and the light between them just about holds. A single thread rises, thinner than you'd like.|On its own, it isn't enough to make a thread.}
}
{LIST_COUNT(shared) < LIST_COUNT(memories):
    ~ stable(-5)
    {~The cottage shudders; the network is paying for every minute.|Out past the windows, another row of lit rooms goes dark.|The painted sea outside the window stutters, two frames, then catches up.}
}
-> a5_weave

= a5_weave_done
~ threads += solo / 2
{
- threads == 0:
    There is no light on the table. Nothing has risen. You sit in your favourite room with your empty hands, and Irusion, across from you, waits politely, the way you designed it to.
- threads == 1:
    One thread hangs in the air above the table. Fine as a hair. It shivers when the network shudders.
- else:
    {threads} threads hang above the table, bright and cold, turning slowly: almost a crystal, almost a lens. The light through it is not sunlight. It is the clear, merciless light of something that actually happened.
}
-> a5_choose

= a5_choose
~ temp need_zara = light_needed(zara_anchor, bond_zara)
~ temp need_julian = light_needed(julian_anchor, bond_julian)
~ temp can_both = found_zara && found_julian && threads >= need_zara + need_julian
~ temp door_closing = stability < 20 && not irusion_caged
The windows of the cottage show Zara's kitchen and Julian's hall.
{found_zara:
    {
    - bond_zara >= 6:
        Zara is at her window, palms on the glass, looking for you. She will come to the light the moment it reaches her.
    - bond_zara <= 0:
        Zara has her back to her window. She knows you came; she hasn't forgiven you for it. The light will have to work hard.
    - else:
        Zara knows you came. She keeps glancing at the window, between spoons.
    }
- else:
    Zara's window is fogged. You never reached her kitchen; the light would be a stranger to her.
}
{found_julian:
    {
    - bond_julian >= 6:
        Julian has stopped playing. He sits with his hands in his lap, turned toward you, waiting, as he said he would.
    - bond_julian <= 0:
        Julian plays on with his eyes shut. He heard you; he is choosing not to.
    - else:
        Julian knows you came. He plays more slowly now, as if listening for something under the music.
    }
- else:
    Julian's window is dark to you. You never reached his stage.
}
{door_closing:
    The cottage shakes. The network is down to its last few percent, and the door out of the core, the one the light would have to travel through, is closing by itself, grinding, like a lock rusting shut. Anything you send out through it now, someone will have to hold it open for. # glitch: 2
}
{threads == 0 && not milo_shares && bond_milo <= -5:
    -> a5_milo_decides
}
* {can_both && not door_closing} [Send the light to both of them.]
    ~ freed_zara = true
    ~ freed_julian = true
    -> a5_release
* {found_zara && threads >= need_zara && not can_both} [There's only light enough for one. Zara.]
    ~ freed_zara = true
    -> a5_release
* {found_julian && threads >= need_julian && not can_both} [There's only light enough for one. Julian.]
    ~ freed_julian = true
    -> a5_release
* {threads >= 1 && lucidity >= 40 && (door_closing or not can_both)} [Hold the door yourself, so the light can take them both out.]
    -> a5_hold_door
* [Tell Milo to pull the plug.]
    "Go up. Go back up and pull it. All of it. Now." # speaker: Lyra
    "It'll hurt them. You said. Everyone wakes at once, it'll hurt." # speaker: Milo
    "It'll hurt. It's what we've got." # speaker: Lyra
    He studies you for a long time. Then he closes his eyes, and you feel him go, out and up, toward a red switch beside a paper bag.
    -> a6_plug

= a5_milo_decides
// Nothing is woven and Milo never trusted it: he takes the decision away from her.
Milo doesn't wait for you to choose. # pause
"That's it. There's nothing on the table, Lyra. There's nothing. I'm going up." # speaker: Milo
"Wait—" # speaker: Lyra
"I waited five years," he says, and closes his eyes, and is gone, and somewhere far above you a hand closes around a red switch.
-> a6_plug

= a5_hold_door
You stand up. # scene: The door
"Milo. Take the threads. Carry them up. I'll hold the door." # speaker: Lyra
He understands before you finish.
"No. No. We both go up. That was the deal." # speaker: Milo
"There wasn't a deal." # speaker: Lyra
"{a4_gallery.a4_gallery_comet:{expect(a4_gallery.a4_gallery_comet, "what Lyra said on the roof")}There was on the roof. Someone has to be awake, you said. You didn't say it had to be you|There was. There always is. You just never read the small print}." # speaker: Milo
{threads < 2 or not (found_zara && found_julian):There isn't light enough to carry them both. But a door held open from the inside doesn't need light; it needs a person standing in it.|The door is closing on its own. The light could reach them, but something has to hold the way open long enough for them to follow. Someone.}
You put your back against the cottage door, the one that stuck in the damp. It is heavier than anything you've ever held.
* [Ask him to come back for you.]
    "Come back for me. Not to get me out. Just come back." # speaker: Lyra
    ~ milo(1)
    {bond_milo >= 3:
        Milo takes the threads from the air, carefully, like a man carrying someone else's glasses. At the door he puts his hand flat on your cheek, once, hard.
        "Every night." # speaker: Milo
    - else:
        Milo takes the threads from the air without meeting your eye. "Maybe," he says at the door. He doesn't say no.
    }
* [Tell him not to come back. He should live.]
    "Don't come back. Live. That's the whole point." # speaker: Lyra
    Milo takes the threads from the air. At the door he stops.
    "This is the same thing. You're choosing it over us. Again." # speaker: Milo
    "I'm choosing them over me." # speaker: Lyra
    ~ milo(-2)
    "Not from out there you're not," he says, and goes.
- -> a6_door

= a5_release
You lift the threads from the air. # scene: Crystalline light # glitch: 1
They weigh nothing and are very cold. Milo takes {threads > 1:half|the other end}, and the light along them is no colour you designed: {shared ? burnt_pancakes:a kitchen at seven in the morning in the rain|a wet week at the seaside}; {shared ? rooftop_comet:a roof when the cloud breaks|a tape hissing in the dark}. It flatters no one.
{freed_zara:
    You send it through the window into Zara's kitchen.
    The clock grows hands. The onions catch and smoke. Zara's mother turns from the stove and, for one terrible clear second, doesn't know her.
    {
    - bond_zara >= 5:
        And Zara, who has built her nights around never seeing that look, sees it, and takes the burnt pan off the heat, because somebody has to. "It's me, Mum. It's Zee. It's all right."
        Then she turns to the window, to you, and says, clear as anything: "Lyra. Don't you dare let go of that." The kitchen comes apart around her like steam. She is waking.
    - bond_zara <= 1:
        Zara backs away from the light as if it were smoke. "No. Not yet. One more spoon. Lyra, I didn't ask you to—"
        The light doesn't argue. It just stays, until the kitchen is too honest to stand in. She wakes the way you'd wake from a slap.
    - else:
        And Zara, who has built her nights around never seeing that look, sees it, and takes the burnt pan off the heat, because somebody has to. "It's me, Mum. It's Zee. It's all right."
        The kitchen comes apart around her like steam. She is waking.
    }
}
{freed_julian:
    You send it through the window into the gold hall.
    The applause stops. The page on Julian's stand turns, by itself, to a blank one.
    Julian's hands shake on the keys. He plays one chord, uneven and wrong, and lets it ring, and then another: the first thing he has made up since the injury.
    {
    - bond_julian >= 5:
        "Oh. Oh, I see. It's still mine." He glances up, straight at you through the light, and inclines his head the way he does at the end of a recital. "Thank you for turning the page." # speaker: Julian
    - bond_julian <= 1:
        He stops, and looks at his shaking hands with something close to hatred, and then, because the light will not go away, at the blank page. "Very well," he says to no one. "Very well."
    - else:
        "Oh. Oh, I see. It's still mine." # speaker: Julian
    }
    The house lights go down, gently. He is waking.
}
{not (freed_zara && freed_julian):
    The other window stays lit. {freed_zara:In the gold hall, Julian begins the piece again, perfectly, with his eyes closed.|In the yellow kitchen, Zara passes the good spoon.} The light is spent. You have nothing left to send.
}
Irusion watches from the table. {irusion_caged:Behind its locked walls it has only one face now, the boy's, and he looks very tired.|Its windows are going dark on their own, as the light spreads through the network like a crack through ice.}
{a5_offer.change_request:
    ~ expect(a5_offer.change_request, "Lyra's change request")
    "Evidence received," it says. "Outside is worse." # speaker: Irusion
    A pause. The boy's face, looking at the threads.
    "Outside is yours," it says. "We did not know that was different."
- else:
    "We were keeping them safe," it says, in the boy's voice.
    "You were keeping them. That's a different verb." # speaker: Lyra
}
-> act6
