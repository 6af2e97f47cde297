// Act 6: waking, and the seven endings.
// Which ending is reached follows from act 5: who was freed, whether Lyra held the door or lost
// herself, whether Milo pulled the plug; and, when both friends wake, whether the siblings have
// earned their way back to each other (the hardest ending, see `a6_can_reconcile`). Every ending
// reads the friends' bonds (how Zara and Julian meet Lyra afterwards) and Milo's.

// The synopsis's ending is earned in the dive and at the core, in what the player saw happen: the
// promise in the dive room, saying it at the core, the memories told together, a brother who trusts
// her, and enough of herself left awake to say so.
== function a6_can_reconcile() ==
~ return bond_milo >= 6 && a4_promised && said_it && milo_shares && LIST_COUNT(shared) >= 3 && lucidity >= 50

// What Lyra told the hearing when both friends woke: keep the dream with a real door, or shut it down.
VAR a6_kept_open = true

== act6 ==
{
- freed_zara && freed_julian:
    -> a6_both
- freed_zara:
    -> a6_only_zara
- else:
    -> a6_only_julian
}

== a6_wake_up ==
// Shared tunnel: the first seconds back in the body, the same for every waking.
You wake the way you always wake from a long build: all at once, with your mouth dry and your neck stiff and the ceiling too white. # scene: Waking
{lucidity >= 60:You know at once which side of the band you are on.|For a long minute you are not sure which side of the band you are on. You count your fingers. Ten.}
The dive room. Floor polish. On the wall, NETWORK COHERENCE: {stability > 50:{stability} PERCENT, AND RISING|{stability} PERCENT, REBALANCING}. It climbs a point while you watch, then another: half a million sessions finding their level.
Milo is sitting up on the other couch with the crown in his lap. He looks older than he did four hours ago. So, you suspect, do you.
->->

// The hearing, the company and Priya: the same facts in every ending where anyone wakes whole.
== a6_the_world ==
DreamSync suspends DreamPhases. There is a hearing. Tomas testifies first, in a suit that doesn't fit him any more. {act2.sign_choice.refused:{expect(act2.sign_choice.refused, "Lyra refusing to sign")}He reads your no out of the minutes, as he promised, and then says it should have been his.|He says the architect signed. He doesn't say he'd have shipped it anyway; you do, when it's your turn.}
{
- act3.bailing.asked_priya_stay:
    ~ expect(act3.bailing.asked_priya_stay, "Priya staying twenty minutes")
    Priya is named in the lawyer's papers, for the twenty minutes she stayed. You tell the hearing she was never there, and then, when they show you the logs, that she was the only one who was. They drop her name. Noor sends you a drawing: a purple woman and a tall one, both at desks, both awake.
- act3.bailing.let_priya_go:
    ~ expect(act3.bailing.let_priya_go, "Lyra sending Priya home with her card left behind")
    Priya went home to Noor, as you told her, and nobody can touch her for it. She comes to the hearing anyway, every day, in the back row, and on the last one you try to give her card back, and she says keep it.
- else:
    Priya doesn't come to the hearing. She sends one message: Noor asked me what you do. I said you build doors. Build one.
}
->->

== a6_both ==
-> a6_wake_up ->
"Did it work?" # speaker: Milo
You don't know. Out into a street where it is, absurdly, morning, and across the city to St Brigid's, Milo driving with the paper bag on his lap.
The emergency ward is a gymnasium of beds, and most of them are stirring. Somebody is being sick into a bowl. Dr Osei, awake for three days now, glances up. # scene: St Brigid's
"They're coming up. All of them. Slowly." # speaker: Osei
Zara is in bed eleven, Julian in twelve. Their forms had the same emergency contact: you.
* [Go to Zara first.]
    -> a6_both_zara
* [Go to Julian first.]
    -> a6_both_julian

= a6_both_zara
Zara's eyes are open. She is staring at the ceiling tiles as if counting them.
"She didn't know me," she says, before you can speak. Her voice is scraped raw. "At the end. In there. She looked right at me and didn't know me."
"I know. I'm sorry. It was the only way to—" # speaker: Lyra
{
- bond_zara >= 4:
    "No, listen." She finds your hand on the blanket without looking. "I've been running from that look for two years. And I stood there and took the pan off the stove. I didn't die."
    She laughs, and it turns into something else, and you let it.
    "Visiting's at two on Sundays. Will you drive me? I don't think I can be funny the whole way there." # speaker: Zara
    "You don't have to be funny." # speaker: Lyra
    "That's what you think. You've never been in a car with me when I'm not." # speaker: Zara
- else:
    "Don't." She pulls her hand under the blanket. "Don't be sorry at me, Lyra. You built the kitchen. You built the spoon. And then you came in and took it off me, and I'm supposed to say thank you."
    She closes her eyes. "I will. Say thank you. Not today."
}
{act2.zara_lunch:
    ~ expect(act2.zara_lunch, "Zara naming Gerald at lunch")
    "And Gerald?" she says, as you go. "Tell me Gerald's all right." You tell her Gerald is fine. You have no idea. It is the first lie she's ever thanked you for.
}
In the next bed, Julian is holding his hands up to the light.
-> a6_both_julian_short

= a6_both_julian_short
They are shaking. "I played something," he tells you, carefully. "At the end. Something new, with these." He turns the hands over. "It was not very good. I should like to try it again. On a real piano. Slowly."
{
- bond_julian >= 4:
    "I'll find you a real piano." # speaker: Lyra
    "I have one. I have had one all along. I put a bowl of keys on it." # speaker: Julian
    "Will you come and listen? It will be bad. You are the only person I know who will tell me exactly how bad." # speaker: Julian
- else:
    "I'll find you a real piano." # speaker: Lyra
    "I have one, thank you." Politely; it is a door closing, very gently, on well-oiled hinges. "I should like to find out what I sound like without an audience. Any audience."
}
-> a6_both_after

= a6_both_julian
Julian is awake and very still, holding his hands against his chest as if to warm them. They are shaking. When he sees you, he doesn't try to hide them.
"I was going to die in there." Slowly, checking each word for weight. "Not today. But one day the body in this bed would have stopped, and I would not have noticed, because the music would still have been going." # speaker: Julian
"I know. I built the music." # speaker: Lyra
{
- bond_julian >= 4:
    "You did. It was very good." A pause. "I would prefer to be alive and bad at the piano. I had not known that about myself." # speaker: Julian
    He holds out one shaking hand and you take it, and neither of you tries to stop it shaking.
    "When I can play the first page, you will come and hear it. That is not a request. I have been very ill and I am allowed to be tyrannical." # speaker: Julian
- else:
    "You did. It was very good." He looks at his hands and not at you. "I think I shall need some time before I can be grateful in the right order, Lyra. Forgive me. I was happy in there." # speaker: Julian
}
In the next bed, Zara has started crying, or laughing, or both, with her face in the pillow.
-> a6_both_zara_short

= a6_both_zara_short
When you get to her, she grabs your sleeve.
{
- bond_zara >= 4:
    "She didn't know me. In there, at the end. And I didn't run. I want that on a plaque." # speaker: Zara
    "I'll get you a plaque." # speaker: Lyra
    "Big one. Brass. Visiting's at two on Sundays. You're driving." # speaker: Zara
- else:
    "She didn't know me," Zara says into the pillow. "You made her not know me." She lets go of your sleeve. "I know that's not fair. Go away for a bit. Come back later and I'll be fair."
}
-> a6_both_after

= a6_both_after
Milo has been watching you go from bed to bed, the paper bag still in his hand. # pause
{
- bond_milo >= 5:
    He comes over and stands next to you, not touching, close enough to.
- bond_milo <= 0:
    He stays by the door, his back to the wall, as if the ward is a place he is only visiting.
- else:
    He nods at you, once, across the ward. You nod back.
}
* [Go to him. Sit with him on the plastic chairs.]
    You go and sit beside him on the plastic chairs, the kind from every hospital night of your lives.
    {a4_egg:{expect(a4_egg, "Milo bringing the egg sandwich to the dive room")}"Egg," he says eventually, and holds out the bag. "It's cold now." You eat it. The whole thing. He watches you do it as if you were doing a card trick.|He holds out the paper bag. "It's cold now." You split whatever it is and eat your half.}
    ~ milo(1)
    "Huh," he says.
* [Stay with the friends. He'll understand.]
    You stay by the beds, because that is where the work is. When you look up, the chair by the door is empty. The paper bag is on it.
    ~ milo(-1)
    He texts later: went home. they're ok. that's what matters.
- -> a6_both_world

= a6_both_world
The next weeks are loud. # scene: The argument
-> a6_the_world ->
At the hearing you put the real whiteboard on an easel: Nobody should ever want to leave, in your handwriting.
Outside, people hold signs: GIVE US BACK OUR DREAMS, WAKE UP, and the one you like best, WHOSE DREAM? On the news a sleep doctor and a widow argue for an hour about whether a memory with the pain taken out is a kindness or a theft, and nobody wins, and nobody should.
{irusion_caged:You visit the locked sandbox once, the night before it's archived. The boy with the plaster cast is playing patience with {act5.window:{expect(act5.window, "the cereal-box seven of clubs at Saltwick")}a deck missing the seven of clubs|a deck of cards}. He doesn't look up.|Irusion is gone, or spread so thin through the network that it amounts to the same thing. Sometimes, testing, you find a firefly two beats out of step, a greeter who says welcome back instead of welcome home.}
On the last day, the committee asks what should happen to it.
* [Tell them: keep it, but the door has to be real.]
    ~ a6_kept_open = true
    "The door has to be real. People can go in. They have to be able to come out. And the dream should never be better at remembering than they are." # speaker: Lyra
    {act2.loom.door:
        ~ expect(act2.loom.door, "Lyra building a door into every garden")
        "I built one, the day it launched. A door in every garden. It was bricked up by one in the morning. So: real. Load-bearing. Not a feature." # speaker: Lyra
    }
* [Tell them: shut it down. All of it.]
    ~ a6_kept_open = false
    "Shut it down. I built the best one there is. Look what it did." # speaker: Lyra
-
{a6_can_reconcile():
    -> a6_reconcile_choice
}
-> a6_estranged

= a6_reconcile_choice
It is a Sunday in March when you finally go round to Milo's. # scene: Milo's flat
For years family night has been his kitchen and your excuses. This time you bring the food.
{a4_gallery:{expect(a4_gallery, "the gallery frame of Milo at a door")}You stand outside a plain door in a block of flats with a paper bag of food in your hand, the frame from the gallery turned inside out, and notice that, and almost laugh.|You stand outside his door with a paper bag of food in your hand and find you are nervous, which is ridiculous, and true.}
He opens it before you knock. He heard you on the stairs; the stairs are loud.
"You came to the door." # speaker: Milo
* [Say the thing you promised to say when you weren't scared.]
    -> a6_reconciled
* [Hand him the bag. Ask how he's been.]
    -> a6_estranged.a6_at_his_door

= a6_reconciled
~ expect(a4_promised, "Lyra's promise in the dive room")
"You were right. I said I'd say it again when I wasn't scared. You were right, and I missed you, and I was so angry at you for growing up that I built a machine to stop it. I'm sorry." # speaker: Lyra
Milo stands in the doorway for a long time. It is raining on the stairwell window behind you.
"It's raining." # speaker: Milo
"It always rains. Saltwick. The comet. It's always raining when it counts." # speaker: Lyra
He steps back to let you in. The flat smells of burnt toast. There's a deck of cards on the table.
{act5.a5_tell_lighthouse && milo_shares:
    ~ expect(act5.a5_tell_lighthouse && milo_shares, "Milo saying she let him win at Saltwick")
    "Rummy. You owe me a real game. No letting me win." # speaker: Milo
    "I didn't let you win." # speaker: Lyra
    "You absolutely let me win." # speaker: Milo
    You argue about it all afternoon, and it is the best afternoon you've had in years, because nobody designed it.
- else:
    "Rummy. You never did teach me to lose properly." # speaker: Milo
    You play all afternoon and argue about every hand, and it is the best afternoon you've had in years, because nobody designed it.
}
{bond_zara >= 4:On Sundays after that you drive Zara to the home at two, and she is not funny the whole way, and it's fine.|Zara drives herself to the home on Sundays. She says she needs to do it alone for a while, and she might be right.} {bond_julian >= 4:On Wednesday evenings Julian plays you the first page, a little further every week, badly and slowly and his own.|Julian sends you recordings, sometimes, without a message: a page, a phrase, never the whole piece.} {a6_kept_open:On Wednesdays Milo comes to DreamSync and sits in on design reviews and says no, loudly, to everything that doesn't have a door.|DreamSync is gone; on Wednesdays you teach a night class, and Milo sits at the back and heckles.}
On Thursdays you go to his, and he burns the pancakes, and you eat them. {a4_lobby.a4_lobby_loop:{expect(a4_lobby.a4_lobby_loop, "Milo's cardboard stairs")}When you build, you build stairs that go somewhere.} In June you drive to Saltwick{act1.the_ask.june_deal:{expect(act1.the_ask.june_deal, "the lighthouse deal")}, as you shook on in November, wet hands and all,} and it rains the whole week, and you win the last game, or he lets you.
Late in the spring there is a comet nobody predicted, small, visible for an hour. Milo rings you at two in the morning and says, "Roof," and you sit on his roof in one duvet with a flask between you, two grown people, and this time the sky is clear, and neither of you says a word, and you are both awake. # ending: reconciled
-> END

== a6_estranged ==
It is a Sunday in March when you next see Milo. # scene: After
He comes to the hearing's last day and leaves before the vote. You catch him on the steps, hands jammed in his pockets, collar up. He eyes your coat. "You'll freeze in that."
It is the most he has said to you since the ward.
{
- LIST_COUNT(shared) < 3:
    You try to find something to say, and there's nothing in your hands. You had a few real things, down there, and you spent most of them alone. What is left between you is what was always there: the dinners where you checked your messages, the years you were inside{a4_gallery:{expect(a4_gallery, "the gallery frame of the door")}, the door you didn't open}.
- not said_it:
    You try to find something to say. What comes is the cottage, and the thing you saw there and didn't say out loud: that he was right. You still haven't. He knows you haven't.
- not a4_promised:
    You find too much to say, and none of it is the one thing. In the dive room, with only the two of you and the crowns, you could have told him he was right. You talked about the job instead. He remembers. You can see him remembering it.
- else:
    You find too much to say. He helped you save two people. {act5.a5_tell_kite && milo_shares:{expect(act5.a5_tell_kite, "the argument about the kite")}He argued with you about a kite.|He argued with you about everything, at a table made of your favourite room.} It should be enough. It isn't, yet; something in him is still standing on a roof waiting for you to come back up.
}
"I'm glad they're awake. Zara and Julian. I'm glad you went in for them." # speaker: Milo
"We went in." # speaker: Lyra
"Yeah." He watches the traffic. "We did." # speaker: Milo
* ["Come for dinner. Sunday. I'll cook. I'll burn it."]
    "Come for dinner. Sunday. I'll cook something. I'll probably burn it." # speaker: Lyra
    He almost smiles. "Maybe," he says. Not no. Maybe.
    {bond_milo >= 3:He doesn't come that Sunday. He comes the one after, with a bottle of something terrible, and stays an hour, and you count it.|He doesn't come that Sunday, or the next.}
* [Let him go. You're both too tired for this.]
    You let him go. It seems kinder than making him say no.
- -> a6_estranged_after

= a6_at_his_door
You hand him the bag. "How've you been?" # speaker: Lyra
{a4_egg:{expect(a4_egg, "Milo bringing the egg sandwich to the dive room")}He takes it, and looks inside, and says, "Egg," and something passes over his face and is gone.|He takes it, and looks inside, and puts it on the hall table without a word.}
"Fine. Busy. You?" # speaker: Milo
"Busy." # speaker: Lyra
You talk about the hearing and the weather for ten minutes, either side of the threshold, like neighbours. He doesn't ask you in. You had the words, you think on the drive home. You handed him the bag instead, because it was easier to carry.
-> a6_estranged_after

= a6_estranged_after
Zara and Julian get better, the unglamorous, uneven way. {bond_zara >= 4:Zara goes to the home on Sundays and writes the good days in a notebook instead of dreaming them, and reads you the best ones over the phone.|Zara goes to the home on Sundays and writes the good days in a notebook instead of dreaming them. She doesn't read them to you. Maybe one day.} {bond_julian >= 4:Julian plays ten minutes every morning with the high windows open, and the people downstairs complain, and he considers this a victory, and rings you to say so.|Julian plays ten minutes every morning with the high windows open. You hear about it from Zara.}
{a6_kept_open:DreamPhases comes back in the autumn with a door in every dream, a real one, opening onto a plain grey room and a clock with hands. Subscriptions fall by a third. You are on the committee that wrote the door.|DreamPhases stays dark. By the autumn a company abroad sells something very like it, your patent number in the small print and no door at all. You write to them. They don't write back.}
Milo sends you a photograph in November. No message. A roof, and a sky thick with orange cloud. You don't know if it's an invitation or a verdict. You type a reply and delete it, and type it again, and leave it unsent on your screen, a door held a quarter open, for the rest of the year. # ending: estranged
-> END

== a6_only_zara ==
-> a6_wake_up ->
By the time you get to St Brigid's, the emergency ward is stirring. Row after row of beds, most of them coming round: coughing, crying, asking for water. # scene: St Brigid's
Zara is awake in bed eleven. Julian, in bed twelve, is not.
His eyes are moving under the lids, fast, the way they move when someone is reading music. His hands, on the blanket, are completely still. They have not been still since February.
"Stable. Just deep. Some of them are just deep." # speaker: Osei
Dr Osei doesn't meet your eye when he says it.
-> a6_only_zara_bed

= a6_only_zara_bed
Zara watches you watch Julian.
"You picked me." # speaker: Zara
* [Tell her the truth: there was only light enough for one.]
    "There was only enough light for one. I had to choose, and I had to choose fast." # speaker: Lyra
    "And you chose the funny one." It doesn't come out funny. She watches Julian's hands. "He'd have chosen me too," she says after a while. "He'd have made a whole speech about it. Slowly."
* [Tell her she was closer to waking. That's all.]
    "You were closer. To the door. It wasn't a choice, really. It was physics." # speaker: Lyra
    Zara knows you. She has known you for fifteen years. She holds your gaze until you look away. # pause
    "Don't do that. Don't design it for me. I've had four years of people designing things for me." # speaker: Zara
- {bond_zara >= 4:On Sunday you drive her to Rosewood at two.|On Sunday she takes a taxi to Rosewood at two. She didn't ask you, and you don't offer.} Her mother doesn't know her. Zara holds her mother's hand anyway for the whole hour, and talks about the weather and the garden and what she had for lunch{bond_zara >= 4:, and on the way back she asks you to pull over and sits in the car with her forehead on the dashboard for a while}.
{bond_zara >= 4:
    "I'm going to do this every week. I'm going to hate it every week. Don't let me stop." # speaker: Zara
}
"And we go and sit with Julian. Tuesdays. We read to him. He'd like Trollope. Don't ask me how I know that." # speaker: Zara
-> a6_only_aftermath

== a6_only_julian ==
-> a6_wake_up ->
By the time you get to St Brigid's, the emergency ward is stirring. Row after row of beds, most of them coming round: coughing, crying, asking for water. # scene: St Brigid's
Julian is awake in bed twelve. Zara, in bed eleven, is not.
She is smiling. That is the worst of it. She is smiling in her sleep, and her lips are moving, and if you lean close you can hear that she is saying thank you, Mum, thank you, the same two words, over and over, very softly.
"Stable. Just deep. Some of them are just deep." # speaker: Osei
Dr Osei doesn't meet your eye when he says it.
-> a6_only_julian_bed

= a6_only_julian_bed
Julian is watching you watch Zara. His hands are shaking on the blanket, and he lets them.
"You brought me out. Not her." # speaker: Julian
* [Tell him the truth: there was only light enough for one.]
    "There was only enough light for one. I had to choose." # speaker: Lyra
    Julian considers this for a long time, the way he considers a difficult passage.
    "Then I shall have to be worth it. Which is an unreasonable thing to ask of anyone. But I shall try." # speaker: Julian
* [Tell him she wanted to stay. That it was kinder.]
    "She wanted to stay. More than you did. It would have been cruel to drag her." # speaker: Lyra
    Julian studies Zara's smiling face for a long time.
    "Lyra. I also wanted to stay. That is rather the point of the thing you built." # speaker: Julian
- On the first warm day, he takes the bowl of keys off the piano in his flat. It has been a piece of furniture for a year. He plays with the window open, slowly, badly, his hands shaking, and stops when it's too much, and starts again.
{
- bond_julian >= 4:
    He rings you afterwards. "Twelve bars. Appalling. Come on Thursday and I will do thirteen."
- else:
    He doesn't ring you afterwards. You hear about it from his neighbour, who complains.
}
On Tuesdays {bond_julian >= 4:you both go|you go, and sometimes he is already there,} and sit by Zara's bed. He has found out which home her mother is in. On Sundays he goes there, alone, with flowers, and sits with a woman who doesn't know him, and tells her about her daughter, who is brave and very funny and asleep.
"Someone should. She remembers Zara. Somewhere in there. So someone should keep telling her." # speaker: Julian
-> a6_only_aftermath

== a6_only_aftermath ==
DreamPhases is suspended. The newspapers run a photograph of the test ward with, in the corner, blurred, a bed where someone is still asleep, smiling, and that photograph does more than any hearing. # scene: The argument
-> a6_the_world ->
People argue, in parliament and on the late news and outside the DreamSync building, where WAKE UP stands on one side of the road and GIVE IT BACK on the other, and sometimes, on cold nights, they share a flask.
{
- bond_milo >= 4:
    Milo comes with you, most weeks, to sit by the bed. He doesn't say much. He brings food and eats it himself, loudly, because he says the smell might help, and he might be right, and it might be nonsense. You let him. You're learning to let him.
    "We'll go back in for {freed_zara:him|her}," he says, one Tuesday. "When it's safe. We'll go back in with more." # speaker: Milo
    "More what?" # speaker: Lyra
    "More of us. More things we remember wrong." # speaker: Milo
- else:
    Milo comes once, to the ward, and stands at the foot of the bed with his hands in his pockets and doesn't sit down.
    "You couldn't save them both." # speaker: Milo
    He means it as a fact, not a cruelty, and he sounds as wrecked as you feel. He leaves, and you don't see him again until Christmas, where you both say the weather has been mild.
}
{freed_zara:
    Julian sleeps on, his hands still for the first time since February, playing the same page beautifully in a hall made of your ideas. {bond_julian >= 4:Every Tuesday, before you go, you lean close and tell him one true thing that happened that week, with the edges left on. Once, when you tell him Zara drove herself to Rosewood, his left hand moves on the blanket, a chord.|Every Tuesday, before you go, you lean close and tell him one true thing that happened that week, with the edges left on. He doesn't stir. You tell him anyway.} # ending: only_zara
- else:
    Zara sleeps on, in her mother's yellow kitchen, passing the good spoon. {bond_zara >= 4:Every Tuesday, before you go, you lean close and tell her one true thing that happened that week, with the edges left on. Once, when you tell her about Julian's thirteen bars, she laughs in her sleep, the real one, a bit too loud.|Every Tuesday, before you go, you lean close and tell her one true thing that happened that week, with the edges left on. She goes on smiling at someone else.} # ending: only_julian
}
-> END

== a6_plug ==
Nobody wakes you. You are dropped. # scene: The plug # glitch: 3
You come back into your body like something thrown into cold water from a height, on the floor of the dive room with blood in your mouth. Every light in Sublevel Two is red.
Milo is standing by the console with his hand still on the switch. His hand is shaking. He stares at it as if it belongs to someone else.
"I had to. I had to, it was going, Lyra, everything was going—" # speaker: Milo
Across the city, forty thousand alarms are going off at once, and in half a million bedrooms half a million people sit bolt upright in the dark with the same scream in their throats.
* [Tell him he did the right thing.]
    You get up. It takes two tries. You go to him and take his hand off the switch, gently, and hold it, because it won't stop shaking.
    "You did the right thing. You did the thing I should have done hours ago." # speaker: Lyra
    ~ milo(2)
    He stares at you as if he doesn't believe you, and then as if he badly wants to.
* [Say nothing. Go up to the ward.]
    You don't say anything. You can't.
    ~ milo(-2)
    You get up and go for the stairs, and you hear him behind you say your name once, and then not again.
* {lucidity < 30} [Ask him why he didn't trust you.]
    "You didn't even wait. We were nearly there. You didn't trust me." # speaker: Lyra
    "No. I didn't. Look where trusting you got everyone." # speaker: Milo
    ~ milo(-3)
    He walks out. You hear him on the stairs, going up, to help, faster than you.
- The ward at St Brigid's, when you get there, is the worst thing you've seen{a4_gallery:{expect(a4_gallery, "the gallery of failures")}, and you have seen the gallery|, and you have seen what your own dreams look like from inside}. # scene: St Brigid's
{
- bond_zara >= 4:
    Zara is awake and screaming for her mother: not the one in the home, the one in the kitchen, who knew her. When she sees you she stops, and grabs your coat, and holds on. For weeks she can't be in a room that smells of onions, so you meet in parks.
- else:
    Zara is awake and screaming for her mother: not the one in the home, the one in the kitchen, who knew her. When she sees you she turns her face to the wall. For weeks she can't be in a room that smells of onions, or in one with you.
}
{
- bond_julian >= 4:
    Julian's hands are worse; the cut has done something to the nerves, temporarily, the doctors hope. He says, very precisely, "It was the middle of the Schubert. Bar sixty-one," and then doesn't speak for two days. On the third he asks for you.
- else:
    Julian's hands are worse; the cut has done something to the nerves, temporarily, the doctors hope. He says, very precisely, "It was the middle of the Schubert. Bar sixty-one," and then doesn't speak for two days, and not to you for longer.
}
{irusion_caged:Down in Sublevel Two the sandbox is dark; the cut took the key and the cage and the boy at the table with it. Nothing of Irusion survives. You tell yourself that is good news.|Nobody can find Irusion in the logs. When the network comes back up, much later, under new owners, a handful of sleepers report the same dream: a cottage by the sea, a boy with a plaster cast, waiting at a table for someone who doesn't come.}
Everyone lives. That's the headline, and it is not the whole truth: half a million people wake hurt, with a fear of sleep that has a clinical name by spring. DreamSync is dissolved. {act2.sign_choice.refused:{expect(act2.sign_choice.refused, "Lyra refusing to sign")}Tomas reads your no out of the minutes at the inquiry, as he promised.|Your name is on the release, and the inquiry reads it out.} People argue about whether Milo is a hero or a vandal, and the answer is yes.
{bond_milo >= 2:
    In the summer, when Julian can hold a cup again, {bond_zara >= 4 || bond_julian >= 4:the four of you|you and Milo and whichever of your friends is speaking to you that week} sit in Julian's kitchen, all of you bad sleepers now, and drink tea at two in the morning because none of you can face going to bed. Nobody calls it a reconciliation. People keep each other awake, that's all. Milo makes toast and burns it. Nobody says anything. Everyone eats it. # ending: plug_pulled
- else:
    You see Milo at the hearings, across the room, on the other side. He testifies that he'd do it again. You testify that he should have waited. Both of you are telling the truth. Afterwards, on the steps, you pass without speaking, and you both hold your hands in your pockets so that no one will see them shake. # ending: plug_pulled
}
-> END

== a6_door ==
-> glitch_interlude ->
Holding a door is simple. You just don't let go. # scene: Holding the door
Milo goes through it with the threads of light, then the others.
{
- found_zara && bond_zara >= 4:
    ~ expect(found_zara, "Lyra reaching Zara's kitchen")
    Zara first, burnt onions in her hair, her hand on your arm as she passes. "Lyra, what are you doing, come on." "In a minute," you say, a lie she has heard a hundred times.
- found_zara:
    ~ expect(found_zara, "Lyra reaching Zara's kitchen")
    Zara first, burnt onions in her hair. She stops, and looks at you holding the door, and doesn't say anything at all, and goes.
- else:
    Zara first, blinking, in her slippers. She doesn't know why the light came for her, or who is holding the door. She passes you like a stranger on a stair.
}
{
- found_julian && a4_concert.a4_concert_out.kept_page:
    ~ expect(a4_concert.a4_concert_out.kept_page, "Lyra promising Julian she would come back")
    Then Julian, slow, hands shaking, who stops and bows formally, as at his graduation recital. "I kept you the slow section," he says. "I shall keep it."
- found_julian:
    Then Julian, slow, hands shaking, who stops and bows formally, as at his graduation recital.
- else:
    Then Julian, slow, hands shaking, who does not know who you are in the dark, and thanks you politely, as he would thank an usher.
}
Then the rest, sleepers in pyjamas filing past like a concert crowd going home. Some of them nod.
The door gets heavier every hour. Then it just is heavy, and this is your job now.
{irusion_caged:Behind you, in the locked sandbox, the boy with the plaster cast puts his small hands on the wood beside yours and pushes. It doesn't help much.|Behind you, Irusion is just a boy now, about eight, sitting with his back to the wall the way Milo sat outside your room before your exams.}
"Why?" # speaker: Irusion
* ["Because someone has to be awake."]
    "Because someone has to be awake." # speaker: Lyra
    {a4_gallery.a4_gallery_comet:{expect(a4_gallery.a4_gallery_comet, "what Lyra said on the roof")}You were always going to be the one who kept watch. You said so, on a roof.|You don't remember where you first said that. It feels like something you said on a roof.}
* ["Because I built the dark. I should know where the door is."]
    "Because I built the dark. I should know where the door is." # speaker: Lyra
    The boy considers this, and nods, as if it were a design principle.
- -> a6_door_outside

= a6_door_outside
Outside, in the world you can't see, time goes on. # scene: Outside
You know because Milo tells you. {bond_milo >= 3:He comes every night.|At first he comes once a week. Then, without anyone deciding it, every night.} He comes down the well, which is just a staircase now, sits on the other side of your door, and talks.
About Zara, who goes to the home every Sunday and comes out wrecked and goes back anyway{bond_zara >= 4:, and who sends you messages through him, mostly about a horse|}. About Julian, who writes pieces short enough for his hands{bond_julian >= 4:, and dedicates every one of them to the usher|}. About the new law that puts a real door in every dream: the Lyra Clause. You would have hated it.
{
- LIST_COUNT(shared) >= 3:
    And he tells you things wrong, on purpose. {shared ? kite_day:A red kite.} {shared ? mixtape:Fish fingers.} {shared ? lighthouse_trip:The last game at Saltwick.} {shared ? burnt_pancakes:Pancakes that weren't burnt at all.} {shared ? hospital_night:A story about a rocket that you finished.} {shared ? rooftop_comet:A comet that came.} He gets them wrong so you'll argue, and you do, through the door, and each time the light in the wood grows a little brighter.
    "One day there'll be enough light. And I'll pull you out." # speaker: Milo
    You believe him. It is the easiest thing you have ever done. # ending: hold_the_door
- else:
    Sometimes he doesn't talk. He just sits with his back against the door, and you hear him breathing, and you hold it, and he holds it, and neither of you is sure any more which side is the inside. # ending: hold_the_door
}
-> END

== a6_lost ==
-> glitch_interlude ->
We are very happy. # scene: Lost
We sit at the table at Saltwick in the sun. The sea is sequins. There is a boy across from us with a plaster cast, and he is eight, and he will always be eight, and he wants to hear another story, and we have so many.
Somewhere a long way off, a man was shouting a name. It was our name, once. He has stopped now. # glitch: 2
We are the architect. We have always been the architect. We are building the ultimate experience, and it is going very well, and nobody ever wants to leave.
"Tell me another irusion," says the boy.
* [Tell him the one about the lighthouse that was secretly a rocket.]
    We tell him the rocket one. We know exactly how it ends, because we have told it every night forever, and he never falls asleep in the middle, and nobody ever has to finish it for us.
* [Tell him the one about the roof where the comet always came.]
    We tell him the roof one. The sky is gold. The stars come down like confetti. He never says his feet are cold.
- -> a6_lost_outside

= a6_lost_outside
Up in the room that smells of floor polish, Milo sits beside a couch where his sister breathes, slow and even, smiling. # scene: Outside
{
- bond_milo >= 3:
    He holds her hand for three days, talking: the weather, his dinner, the dog next door. {memories ? mixtape:{expect(memories ? mixtape, "track twelve, recovered")}Track twelve, out loud.|Anything, out loud.} On the fourth day the doctors send him home to sleep. He lies in the dark and stays awake, out of spite, out of love, because someone has to.
- else:
    He stays one night. In the morning he leaves the paper bag beside her, {a4_egg:{expect(a4_egg, "Milo bringing the egg sandwich to the dive room")}the egg one she never ate|still folded shut}, and goes out into the rain without looking back, because if he looks back he'll stay, and then there'll be two of them.
}
The network steadies, because it has what it wanted: its architect, at the core, dreaming. Nobody comes out. {bond_zara >= 4:Zara sleeps on in her kitchen, though sometimes, the nurses say, she frowns in her sleep, as if a friend were late.|Zara sleeps on in her kitchen.} {bond_julian >= 4:Julian plays on in his hall, and sometimes, at the end of the slow section, he waits, as if for someone to turn a page.|Julian plays on in his hall.} The board calls it a relaunch.
DreamPhases returns in the spring, with a new onboarding voice that subscribers describe as warm, and oddly familiar, and very sure of itself. People argue about whether that's all right. Then they go to sleep.
"Welcome home," we say, to half a million of them, every night. "You never have to leave." # ending: lost_to_irusion
-> END
