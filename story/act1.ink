// ACT ONE: Family night.
// Milo asks whether the dreams are eating the real nights. Lyra can listen or brush him aside.
// Sets: milo_heard (she truly listened at three or more of his moments; the morning note shows it),
// june_deal (the lighthouse in June, if she leaves but asks him to the studio), memories (burnt_pancakes,
// rooftop_comet).
// House style for stats, every act: a change sits just before the last line of the passage that earns
// it, so the player's note lands under that passage and never under the next scene's heading.

== act1 ==
-> kitchen

= kitchen
Thursday. Family night. The rain has been trying to get into Milo's flat for an hour, and the kitchen window is losing. # scene: Milo's kitchen
Milo stands at the stove, sleeves shoved to the elbow, turning pancakes in Dad's old iron pan. Three plates. Three chairs. The third is Mum's, and it's empty.
Your temples still ache where the band sat all afternoon. You rub them without thinking. He sees. He always sees hands.
"You're doing the thing with your head again." # speaker: Milo
"Sit down. These are nearly done. Mum's not coming." # speaker: Milo
* (took_pan) [Take the spatula from him]
    You nudge him aside with your hip, the way you did when you were fourteen and he was eight and Mum was working lates, and the pan was yours because you were the tall one.
    He lets you. That surprises you both.
    ~ milo(1)
    "Don't flip it yet. You always flip too early." # speaker: Milo
    ** [Flip it anyway]
        You flip it anyway. It lands half on the pan and half on the hob and starts to smoke.
        Milo laughs, a real one, short and surprised out of him.
        "There she is." # speaker: Milo
    ** [Wait, like he says]
        You wait. The bubbles rise and break on the pale face of the batter. He nods when it's time, and you flip it, and it lands clean, and it's stupid how good that feels.
        ~ lucid(2)
        "See. Patience. Nobody has any now." # speaker: Milo
    -- The kitchen smells of butter and scorched sugar and rain.
* [Check the ping on your wrist]
    Your wrist buzzes. You look before you decide to.
    ZARA: u up?? jk. going under early tonight, save me a good one. ♥
    ~ lucid(-3)
    Milo watches you read it. He turns the pancake without looking at the pan.
    ** [Reply to Zara]
        You thumb back a heart and a moon. Zara answers with three moons before you have put your arm down.
        ~ zara(1)
        ~ milo(-1)
        "Tell her I said hi. Tell her it's raining out here, in case she's forgotten." # speaker: Milo
    ** [Put it away]
        You turn your wrist face-down on the table. It buzzes once more against the wood, and you let it.
        Milo notices that too. He says nothing, but his shoulders come down an inch.
* [Ask why Mum isn't coming]
    "Why isn't she coming? She never misses Thursdays." # speaker: Lyra
    Milo slides a pancake onto your plate. It is burnt on one side, the way the first one always is.
    "She doesn't miss them. That's the problem." # speaker: Milo
- -> the_chair

= the_chair
Milo sits. He puts his hands flat on the table, either side of his plate, like he's holding it down.
"She subscribed. Sunday Lunch." # speaker: Milo
Sunday Lunch. Your first package past a million downloads: the table of your childhood, everyone home, gravy that never skins over, a summer in the window that lasts as long as you want. # pause
"She's eating with us, Lyra. Right now. Us at eight and fourteen. She says we're better company." # speaker: Milo
* (defended) ["She's lonely. It helps her."]
    "She's lonely, Milo. It helps her. That's what it's for." # speaker: Lyra
    He answers fast, like he's said it to the wall a dozen times, waiting for you to be the wall.
    ~ milo(-1)
    ~ lucid(-3)
    "She's lonely because she's in there. Every night she's in there is a night she's not out here, getting less lonely." # speaker: Milo
* (honest) ["I didn't know she'd subscribed."]
    "I didn't know. She never said." # speaker: Lyra
    He holds your eye for a long moment.
    "You built it. And you didn't think about who'd go in." # speaker: Milo
    ~ milo(1)
    There is no question in it, so you don't answer. But you don't look away either, and he picks up his fork.
* (asked) {bond_milo >= 1} ["What does she say it's like?"]
    "What does she say it's like? In there?" # speaker: Lyra
    He wasn't expecting that. He puts down the fork he hasn't used.
    "She says the kitchen's yellow." # speaker: Milo
    "Our kitchen was green, Lyra. That horrible green, like a hospital. Dad painted it and then he couldn't afford to paint it again. She remembers it yellow now. Because you made it yellow." # speaker: Milo
    ~ milo(1)
    ~ lucid(3)
    You did. Green read as clinical in the test groups. Yellow tested warm. You remember the meeting. You do not, when you try, remember the green. # pause
- (chair_done) The rain finds a new rhythm against the glass.
{bond_milo >= 2:
    Milo cuts his pancake into squares, then into smaller squares. He always did that when he was working up to something.
- else:
    Milo stabs his pancake like it owes him money.
}
"Can I ask you something, and you don't do the work voice?" # speaker: Milo
"Are we losing it? The real stuff. I tried to remember the comet last night. The roof. And you know what I got?" # speaker: Milo
"Your version. The gold sky. Stars coming down like confetti. It was cloudy, Lyra. It was freezing and cloudy and we waited until two in the morning and we saw nothing. Not one thing. Cloud." # speaker: Milo
-> comet

= comet
{lucidity < 45:
    -> comet_taken
}
* (remembered) {lucidity >= 50} [Try to remember the real night]
    You reach for it, and the first thing that comes is gold: you have walked through that sky four hundred times, tuning the fall rate of the stars. You push past it.
    Cold. The tar of the roof gritty under your palms. The bins six floors down. A flask of hot chocolate gone cold. Milo at ten, in Dad's coat to his ankles, saying every ten minutes that it was definitely about to happen.
    And then, near two, when you had both stopped saying anything, a light moved low behind the cloud, and he grabbed your hand so hard it hurt. It was a plane. You both knew it was a plane. Neither of you said so. # pause
    "It was your hand. You grabbed my hand. I'd forgotten that. The gold one doesn't have that." # speaker: Lyra
    ~ memories += rooftop_comet
    ~ milo(1)
    ~ lucid(4)
    Milo doesn't say anything for a while. Then he reaches across the table and, very briefly, grips your hand exactly that hard.
* (argued) ["The gold sky is better. That's the point."]
    "The gold sky is better, Milo. That's the whole point of what I do. Nobody wants the cloud." # speaker: Lyra
    ~ milo(-2)
    ~ lucid(-3)
    "I wanted the cloud." He says it to his plate, so quietly you almost miss it.
* (joked) ["At least my version had snacks."]
    "At least my version had snacks." # speaker: Lyra
    {bond_milo >= 2:
        He snorts despite himself. "We had snacks. We had a flask and a bag of those awful prawn crackers. You ate them all and blamed the cold."
        ~ milo(1)
        Forgiveness would be a stretch. But he leaves the door open a crack.
    - else:
        ~ milo(-1)
        He doesn't laugh. "Right. Joke about it. That's easier."
    }
- -> the_ask

= comet_taken
You open your mouth to tell him you remember. You do remember. You can see it perfectly. # nightmare
"The sky went gold," you hear yourself say, "and the stars came down so slowly we could have caught them, and you said it was the best night of your life."
Every word is from the script you wrote, smooth and lit and wrong, and you cannot find the other version underneath it. There is nothing underneath it. # nightmare # pause
Milo puts his fork down very carefully.
~ milo(-1)
~ lucid(-2)
"I never said that. I said my feet were cold." # speaker: Milo
-> the_ask

= the_ask
Milo runs water into the pan, and it hisses and spits. With his back to you he says the thing he has been saving up all evening.
"Stay tonight. Couch is made up. No band. Sleep like a person, for once. Dream your own dreams, even if they're rubbish." # speaker: Milo
Your wrist buzzes. The studio. Halcyon goes to the beta cohort next week, with Zara and Julian in it, and there are forty things still wrong with the tide.
* (stayed) [Stay. Take the band off.]
    You set the band on the counter, next to the salt. It looks small there, for something you have given six years to.
    "Fine. One night. But if I dream about my inbox, that's on you." # speaker: Lyra
    ~ milo(1)
    ~ lucid(3)
    Milo turns around. He doesn't smile, exactly. He just looks younger for a second.
    -> stay_night
* (left) [You can't. Not this week.]
    "I can't. Not this week. Next week, I promise. After the launch." # speaker: Lyra
    ~ milo(-1)
    "After the launch," Milo says to the sink. "There's always a launch."
    ** (june_deal) {bond_milo >= 0} ["Come to the studio with me. See what I actually do."]
        "Come in with me one day. To the studio. See what it is, before you hate it." # speaker: Lyra
        He turns the tap off. He thinks about it longer than you expected.
        "Maybe. If you come to the lighthouse in June. Saltwick. The real one, with the real wind." # speaker: Milo
        ~ milo(1)
        "Deal." You shake on it, wet hands and all. Neither of you quite believes it.
    ** {bond_milo <= -2} [Say what you actually think]
        "You know what, Milo? Not everyone wants to stand on a roof in the cold waiting for a cloud to move. Some people want something good to happen to them, just once, without having to earn it." # speaker: Lyra
        He turns round. His hands are wet and shaking a little and he puts them in his pockets so you won't see.
        "Some people," he says, "are you."
        ~ milo(-2)
        ~ lucid(-2)
        He doesn't walk you to the door. # pause
    ** [Just get your coat]
        You get your coat. He says goodnight to the sink. It is raining harder than when you came.
    -- -> leave_night

= stay_night
The couch is too short and smells of his laundry powder. The radiator knocks. Somewhere below, a neighbour's television argues with itself. # scene: Milo's couch
You cannot remember the last time you fell asleep without a designed descent. You lie there for what feels like an hour. It is eleven minutes.
At some point Milo pads into the kitchen for water and stops in the doorway.
"Can't sleep?" # speaker: Milo
* (pancake_story) ["Tell me something. Anything real."]
    "Tell me something real. Anything. Help me get there." # speaker: Lyra
    He sits on the arm of the couch, in the dark, with his glass.
    "The morning Mum went into hospital. Dad went with her, and it was just us, and you made pancakes, because you said that's what a good morning looks like. You were fourteen and you'd never made them on your own. You burnt every single one, and you cried into the pan." # speaker: Milo
    "I ate them all. With about a litre of syrup. I told you they were crunchy on purpose. I told everyone at school my sister was a chef." # speaker: Milo
    You hadn't forgotten. You'd put it somewhere, the way you put things when you're building a person who doesn't need anyone. # pause
    "They were terrible." # speaker: Lyra
    ~ memories += burnt_pancakes
    "They were the best thing anyone's ever done for me," says Milo, and goes back to bed before either of you can make it weird.
* ["I'm fine. Go to bed."]
    "I'm fine. Go back to bed." # speaker: Lyra
    ~ milo(-1)
    He hovers a moment, then goes. You hear him stop outside his door, as if he might come back. He doesn't.
- When sleep comes, it comes badly made. # pause
A corridor that is also the hospital and also the studio. A teacher wants a permission slip. Your teeth are loose. Nothing is tuned.
~ lucid(4)
You wake at six with your heart going, and it is the first dream in years that was entirely yours.
-> act1_close

= leave_night
Home is eleven floors up and very quiet. You fit the band before you have your shoes off. # scene: Lyra's flat
You tell yourself it's work: one more walk along the Halcyon tide. The descent is smooth, because you made it smooth. Then the long silver shore, the tide pulling out, gardens growing where the water was.
It's beautiful. It is so beautiful. # pause
-> glitch_interlude ->
~ lucid(-3)
You note the timecode for Priya. Tide physics, probably. You do not wake up. You walk the shore until morning, and in the morning you cannot say whether you slept at all.
-> act1_close

// Whether she listened is shown, not hidden: Milo's morning message says it, and the reader sees which one.
= act1_close
{
    - kitchen.took_pan + the_chair.honest + the_chair.asked + comet.remembered + stay_night.pancake_story + the_ask.stayed >= 3:
        ~ milo_heard = true
}
{
    - milo_heard && the_ask.stayed:
        Milo has gone to work when you wake. On the counter, in his square capitals: THURSDAY. SAME TIME. I'LL BURN THEM, YOU EAT THEM. THANKS FOR LISTENING. # scene: The morning after
    - milo_heard:
        A message from Milo in the morning, in the capitals he uses for fridge notes: THURSDAY. SAME TIME. I'LL BURN THEM, YOU EAT THEM. THANKS FOR LISTENING. # scene: The morning after
    - the_ask.stayed:
        Milo has gone to work when you wake. On the counter, a note: Thursday. No punctuation. A reminder or a threat; you can't tell. # scene: The morning after
    - else:
        A text from Milo in the morning: Thursday. No punctuation. A reminder or a threat; you can't tell. # scene: The morning after
}
-> act2
