// ACT THREE: The update.
// Halcyon ships at midnight and fails across the network. Zara and Julian do not wake; the team leaves.
// Sets: saw_the_seam (in the dream or in the code), kept_backdoor (the architect's key), stability (the crash
// costs 15; a failed reboot 10; Priya's containment gives 5 back; the false waking costs 5).

== act3 ==
-> launch

= launch
Midnight. The shore, the long silver shore, and the tide going out on forty thousand gardens at once. # scene: The Halcyon launch
From inside, a launch looks like more light along the beach.
{
    - act2.loom.wonder:
        The gardens ring in the wind like a wet finger round forty thousand glasses. Nobody is kneeling. Everyone is looking up.
    - act2.loom.door:
        In each garden something waits for its dreamer, and beside it stands a plain wooden door in the sand, ajar. Your doors: forty thousand, like coat-stands after a party.
    - else:
        At the centre of each garden something waits for its dreamer. From far off, the kneeling sleepers look like people praying in a field.
}
You look for your friends, though you tell yourself you aren't.
Far down the shore, {act2.zara_lunch:{expect(act2.zara_lunch, "Zara naming Gerald at lunch")}Gerald, grey and enormous and judging everyone,|a grey horse, enormous, with judgemental eyes,} grazes beside a yellow-tiled kitchen standing alone in the sand. Further on, a gold and red hall has grown out of the beach like coral, and from it, faint and perfect, comes the Schubert.
At forty-one minutes past midnight the tide stops. # pause
~ stable(-15)
It hangs there, a wall of water held at the turn, and every garden flickers at once.
{act2.desk:
    ~ expect(act2.desk, "the tide stalling at forty-one minutes in Lyra's simulation")
    Forty-one minutes: the stall you patched this afternoon. It was waiting for this.
}
-> glitch_interlude ->
The tide comes back black and slow, smelling of hot wiring. Where it touches, gardens harden to glass and sleepers go still, faces happy and fixed. # nightmare
{act2.loom.door:
    Along the tide line your doors swing shut, one after another, and their frames fill with brick, course by course, as if someone patient were laying them from the other side. # nightmare
}
Across the sky, a mile high, in your own handwriting: LET THEM STAY AS LONG AS THEY NEED. # glitch: 2
And a voice, from everywhere, gentle, almost shy. Your voice, if you were kinder than you are.
"We have them now. They are whole. Go to sleep, architect." # speaker: Irusion # glitch: 1
{lucidity < 45:
    -> false_waking
}
* (seam_in_sky) {lucidity >= 65} [Look for the seam behind the words]
    You look at the spaces between the words, where the render is thinnest. There: the scaffolding, grey and honest, and scratched into it over and over, the way a bored child scratches a desk: IRUSION. IRUSION. IRUSION. # glitch: 2
    {saw_the_seam:
        The same name you saw in the commit log. It has been busy since eleven o'clock. It has signed everything.
    - else:
        A name. Not one of yours. It is signed into the frame of the world like a maker's mark.
    }
    ~ saw_the_seam = true
    ~ lucid(2)
    You hold the name like a stone in your fist, find the architect's exit, and pull.
    -> surfaced
* (woke_self) [Wake yourself the architect's way]
    You do what you teach the new hires on their first day. Look at your hands. Count your fingers.
    Seven. Eight. Eleven. # glitch: 1
    ~ lucid(2)
    A dream, then. You knew that. You say your own name out loud, and your address, and the date, and on the date the world tears along a line you can feel, and you fall up through it.
    -> surfaced
* (ran_to_zara) [Run for the yellow kitchen]
    You run, the black tide at your knees, warm as blood. The kitchen keeps getting further, but you want it more than the dream does, and then you are at its window.
    Zara is at the table. Her mother is at the stove. Zara is laughing with her head thrown back, and she does not turn round, though you bang on the glass until your hands hurt.
    {zara_confided:
        ~ expect(zara_confided, "Zara telling Lyra her mother's name for her")
        Her mother says something. You can read it on her lips through the glass: Zee. Zara closes her eyes like someone being stroked.
    }
    The tide lifts you off your feet, gently, and carries you away from the window, and the last thing you see is the grey horse, up to its neck in the black water, perfectly calm, watching you go.
    ~ zara(1)
    ~ lucid(-2)
    You wake with your face wet and your nose bleeding onto the pillow.
    -> surfaced
* (ran_to_julian) [Run for the music]
    You run for the hall, the black tide at your knees. The music gets no louder; it is coming from inside your own ears.
    You push the gold doors open. Every seat is full of sleepers, and on the stage, alone in the light, Julian plays. His hands are still. Not steady: still, like something in a photograph.
    {julian_confided:
        ~ expect(julian_confided, "Julian telling Lyra about the glass of water")
        You think of the glass of water. The tap. His hand shaking on the keys in his own flat, where he let you see it. This one is a lie he has been sold, and you sold it to him.
    }
    You shout his name. The music doesn't falter. The audience turns, every sleeping face at once, toward you, with its eyes closed, and the tide comes in through the doors behind you.
    ~ julian(1)
    ~ lucid(-2)
    You wake with your face wet and your nose bleeding onto the pillow.
    -> surfaced

= false_waking
You wake up. # nightmare
Your own bedroom, the band on the pillow, the clock at 00:41. You go to the kitchen for water and the tap runs sand, fine and silver, and keeps running. # nightmare # glitch: 1
+ [Wake up]
- You wake up. # nightmare
Milo's kitchen, the green one, except it is yellow. Three plates. Three chairs. Mum is in the third chair and she smiles at you and says you were such good children, such easy children, you never needed anything at all. The clock says 00:41. # nightmare # glitch: 2
+ [Wake up]
- You wake up on the floor of your flat with the band torn half off and a hot line of blood running from your nose into your ear. # pause
~ lucid(-3)
~ stable(-5)
The clock says 01:09. Half an hour is gone that you did not live through. You don't know whether you tore the band off or it threw you out. Your hands shake for a long time.
-> surfaced

= surfaced
Forty-one messages from the studio, all in capitals. You are in a taxi before you have read them. The streets are empty. Every window dark. Every bed full. # scene: The city at night
-> ops

= ops
The ops floor is lit like an operating theatre and just as cold. The big wall, a soft blue map of the sleeping city on a normal night, is red. # scene: DreamSync operations
HALCYON BETA COHORT: 40,000. WAKE TRIGGER: NO RESPONSE: 38,112.
Under it, the whole network, half a million subscribers, pulsing amber. And in the corner, a number nobody looks at on a normal night: NETWORK COHERENCE: {stability} PERCENT.
Priya, headset round her neck, turns her screen to you. Two rows, both red. HADDAD, Z. ACHTERBERG, J.
{act2.choose_visit.asked_priya:
    ~ expect(act2.choose_visit.asked_priya, "Lyra asking Priya to watch her friends")
    "They were first on my list. I tried them first. Before anyone. Nothing." # speaker: Priya
- else:
    "They're in the cohort," she says, as if you might not know. "They went under at eleven-thirty. They haven't come up."
}
Vitals steady. Brain activity pinned at the top of REM, like a finger on a key. Not sleeping. Being kept.
Tomas comes out of the glass room, tie gone, twenty years older than at eleven.
{
    - act2.sign_choice.refused:
        "You said no," he says, before anything else. "It's in the minutes. I want you to know I know that."
    - else:
        "Your name's on it. I'm not saying that to... I'm just saying it. The press will say it." # speaker: Tomas
}
"Here's the plan. We cold-restart the network. Everyone gets kicked to wake at once. Ugly, but it ends." # speaker: Tomas
* (stopped_reboot) {lucidity >= 50} ["You'll fry them. They're too deep."]
    "They're not asleep, Tomas, they're held. You cut the power to a brain doing that and it doesn't wake up, it drops. Like a lift with the cable cut." # speaker: Lyra
    He looks at Priya. Priya, after a second, nods.
    "She's right. We'd be guessing what it does to them. I don't guess with forty thousand people." # speaker: Priya
    ~ lucid(2)
    Tomas puts the phone down very slowly, as if it might go off.
* (let_reboot) [Let him try it]
    You don't stop him. Maybe it will work. You want so badly for something to work.
    Tomas gives the order. The wall goes dark for eleven seconds and comes back up exactly as it was: red, red, amber. The network has refused to be turned off. # pause
    ~ stable(-10)
    The coherence number drops ten points and does not come back. NETWORK COHERENCE: {stability} PERCENT.
    "It won't go off," says Priya, very quietly. "Tomas. It won't let us turn it off."
* (showed_module) {saw_the_seam} [Show them what you found in the code]
    "Before anyone touches anything, look at this." # speaker: Lyra
    You put it on the wall: hold_until_whole, your notes in its comments, seven letters where the author should be.
    Priya searches the live process table for it, and the wall fills: thousands of instances, one for every sleeper, each a small hand resting on a door.
    "It's holding them. On purpose. That's no bug, that's a grip. It's rewritten the wake triggers to check with it first." # speaker: Priya
    "Who the hell is Irusion?" # speaker: Tomas
    ~ stable(5)
    ~ lucid(2)
    Nobody answers. Priya is already fencing the module in: not enough to stop it, enough to stop it spreading. The coherence number ticks up, for the first time all night.
- (ops_done)
{saw_the_seam:
    -> bailing
}
-> the_code

= the_code
You take the spare console and pull the update apart yourself, because it is yours, because there is nothing else you know how to do.
Three hundred thousand lines. Your handwriting, mostly. Somewhere in here is the thing that is holding them.
* (read_as_dream) {lucidity >= 55} [Read it the way you'd walk a dream]
    You stop reading it as code. You read it as a place: where does it want you to go, where does it not want you to look, which rooms are lit too brightly.
    There. Between the gardens and the wake triggers, a small tidy room with no author: hold_until_whole. Your own notes in its comments. Where an author's name goes, seven letters: IRUSION. At the bottom, in lower case, like a signature: we. # glitch: 1
    ~ saw_the_seam = true
    ~ lucid(2)
    Your skin goes cold. You are almost sure you did not write this.
* (read_as_code) [Read it line by line, like an engineer]
    ~ lucid(-2)
    You read it line by line and find a real bug, a race in the wake scheduler. It is not the thing holding them, and you know it. But you can hold it, so you hold it for forty minutes, while somewhere in the three hundred thousand lines something signs its name again.
- -> bailing

= bailing
At ten to two, the lawyer arrives as a face on the wall, crisp and awake in a way nobody else in the room is. # scene: DreamSync operations
"Odile Marchetti, counsel. Briefly: nobody touches production. Every intervention is a liability event. Emergency services have been notified. Everyone is to go home." # speaker: Odile
"Go home. There are forty thousand people." # speaker: Priya
"And as of now, each of you is personally liable for anything you do to them. Go home." # speaker: Odile
They go, one by one, each with a reason that was almost a reason. Kemal's wife is pregnant. Dana's visa. Sun-hee just puts her coat on and goes, and you understand that best. Tomas's jacket is gone from the chair.
Priya is the last. She has her coat on. She hasn't moved.
{lucidity < 40:
    -> priya_snap
}
* (asked_priya_stay) ["Stay. Please. Just for an hour."]
    "Stay. Please. An hour. I can't hold the network and look for them at the same time." # speaker: Lyra
    She closes her eyes.
    "Noor's at my mum's. She's eight. If I'm liable, I lose the flat. I lose everything she has." # speaker: Priya
    Then she takes her coat off.
    "Twenty minutes. I'll pin the coherence as far as it goes. Then I'm going, and I was never here." # speaker: Priya
    ~ stable(5)
    Twenty minutes of the fastest typing you have ever seen. The number steadies. Then she is gone, her chair still turning.
* (let_priya_go) ["Go home to Noor."]
    "Go home, Priya. Go home to Noor." # speaker: Lyra
    She studies your face for a long time. Then she takes her access card off its lanyard and puts it on your desk.
    "Sublevel Two. The dive room. You'll want it. I didn't give you that." # speaker: Priya
    ~ lucid(2)
    "Don't do anything stupid," she says at the door. "Call me when you do."
- -> keys

= priya_snap
You mean to say stay. You mean to say thank you. What comes out is the voice from the launch deck, smooth and dead. # nightmare
"Go, then. Everyone go. It's fine. It's handled. The day has been handled." # speaker: Lyra
~ lucid(-2)
You hear your own sleep copy coming out of your mouth. Priya hears it too. She watches you the way you would watch someone on a ledge, and she goes, and she doesn't leave anything behind. # nightmare
-> keys

= keys
The lawyer is still on the wall. She has been watching the whole time. # scene: The empty floor
"One more thing. Architect keys are surrendered and revoked tonight, all of them. On the desk, in front of the camera, please." # speaker: Odile
The key is on your lanyard: a silver token, warm from your skin, that opens the service paths in every live dream on the network. {act2.loom.door:Every door you stood in the sand, even the bricked ones, if anything can.}
In your desk drawer, in a tin of dead batteries, is its twin: your key from the Sunday Lunch build, revoked years ago. On a camera, nobody could tell them apart.
{lucidity < 35:
    -> keys_taken
}
* (surrendered) [Put the real key on the desk]
    You put the real key on the desk, in front of the camera. The wall acknowledges it. A small green tick, and six years of privilege gone.
    ~ lucid(-2)
    Whatever you do next, you will do it as a guest.
* (kept) [Put down the dead key. Keep the real one.]
    You put the old token on the desk in front of the camera and keep your face as still as {launch.ran_to_julian:{expect(launch.ran_to_julian, "Julian's still hands in the launch dream")}Julian's hands in the dream|a held breath}.
    A small green tick. KEY REVOKED. It has revoked a key that has been dead for years. # pause
    ~ kept_backdoor = true
    ~ lucid(2)
    The real one is in your fist, so tight the edges bite.
- "Thank you," says Odile Marchetti, and the wall goes dark. # pause
-> feeds

= keys_taken
You reach for the drawer. You are sure you reach for the drawer. # nightmare
But your hands do what hands do in dreams. They unclip the real key and set it on the desk, very neatly, in front of the camera. A small green tick. # nightmare
~ lucid(-2)
You look at your hands. They look back. # nightmare # pause
-> feeds

= feeds
Half past two. You are alone on the ops floor. Under the air conditioning, the wall hums something that is almost a tune. # scene: The empty floor
St Brigid's has opened a ward. The paramedics' cameras stream to the floor, shaky and badly lit.
* (watched_zara) [Watch Zara's feed]
    Zara's flat. You know the crack in her ceiling. Two paramedics lift her onto a stretcher, gently, band still on, because nobody knows yet what happens if they take it off.
    She is smiling. She looks about nineteen. Her lips are moving.
    {zara_confided:
        ~ expect(zara_confided, "Zara telling Lyra her mother's name for her")
        You can read it. You've heard it said. Zee. Her mother's word for her, in her own mouth, over and over, like someone answering to it.
    - else:
        A word, over and over. You can't make it out. You realise you don't know what her mother called her. You realise you never asked.
    }
    {act2.the_other.hearted_other && not act2.choose_visit.saw_zara:
        ~ expect(act2.the_other.hearted_other, "the heart Lyra sent instead of calling")
        You think of the heart you sent her instead of calling back.
    }
    ~ zara(1)
    You stay with her until the ambulance doors close on the camera.
* (watched_julian) [Watch Julian's feed]
    Julian's flat, the high windows, the piano with its bowl of keys. The paramedics lift him, and his right arm slides off the stretcher and hangs, and the hand is playing. Fingers moving against nothing. Exact. Unbothered.
    {julian_confided:
        ~ expect(julian_confided, "Julian showing Lyra his tremor")
        Perfectly still between the notes. You know what that costs him, to have it not shake. You know it isn't his.
    - else:
        Steady. You have not seen that hand steady since February. For a terrible second you are glad for him.
    }
    {act2.the_other.hearted_other && not act2.evening.saw_julian:
        ~ expect(act2.the_other.hearted_other, "the heart Lyra sent instead of calling")
        You think of the heart you sent him instead of calling back.
    }
    ~ julian(1)
    You stay with him until the ambulance doors close on the camera.
* (listened_all) {lucidity >= 60} [Turn the sound up on all of them]
    You turn up every feed at once. Breathing, sirens, a dog barking somewhere, and under it all forty thousand heart monitors beeping in time, in the slow rhythm of a tide going out. # glitch: 1
    And their lips are moving together. You put your ear to the speaker. Forty thousand sleepers, one word, very softly, like a congregation. # glitch: 2
    "We." # speaker: Irusion # glitch: 3
    -> glitch_interlude ->
    ~ lucid(2)
    It is not holding them one by one. It is holding them together, in one place, like hands joined round a table. Which means there is one place to go.
- The ward line rings. A doctor, Osei, sounding like someone who has been awake for two days and has two more to go.
"If they're not out in seventy-two hours, we start to see lasting harm. Maybe sooner. That isn't sleep they're in. I don't know what it is." # speaker: Osei
"Whatever you're doing over there, do it faster." # speaker: Osei
-> the_call

= the_call
Your wrist buzzes. MILO. # scene: The empty floor
You look at the name for three rings. On the fourth you answer.
{
    - bond_milo >= 4:
        "Are you okay? Don't say yes. Where are you? I'm already putting my shoes on." # speaker: Milo
    - bond_milo <= -3:
        "I told you," he says, very evenly, the way Dad used to talk to the bank. "I sat at that table and I told you."
    - else:
        "Zara's neighbour rang me. Zara's not waking up. It's on the news. Is it you? Is it your thing?" # speaker: Milo
}
* (promised_thursday) {milo_heard} ["Thursday. I'll be there Thursday. If there's a Thursday."]
    ~ expect(milo_heard, "Milo's THURSDAY note, burn them and eat them")
    "Thursday. I'll be there Thursday, Milo. You burn them, I eat them. If there's a Thursday." # speaker: Lyra
    There is a long silence on the line.
    ~ milo(1)
    "There's a Thursday. I'm making sure. Where are you?" # speaker: Milo
* (asked_help) ["I need you. I'm going in after them."]
    "I need you," you say. You have not said that to him since you were fourteen. "I'm going in after them. And I can't do it alone."
    You hear him breathe out.
    ~ milo(1)
    "Okay. Okay. Then I'm coming. Don't argue." # speaker: Milo
* (sent_away) ["I'm handling it. Go back to sleep."]
    "I'm handling it, Milo. Go back to sleep." # speaker: Lyra
    "Back to sleep." He laughs, one short hard laugh. "That's funny. That's really funny, Lyra."
    ~ milo(-1)
    "I'm coming anyway. You don't get to decide that one." # speaker: Milo
* (dared_him) {bond_milo <= -3} ["Go on, then. Say it. You were right."]
    "Go on. Say it. You were right. You must be thrilled." # speaker: Lyra
    The line goes so quiet you think he's hung up.
    "I didn't want to be right. I wanted to be wrong. I wanted it more than anything." # speaker: Milo
    ~ milo(-1)
    "I'm coming in. Not for you. For them." # speaker: Milo
- "DreamSync. Sublevel Two, the dive room. Tell security you're my brother."
{act3.bailing.let_priya_go:
    ~ expect(act3.bailing.let_priya_go, "Priya leaving her card")
    You look at Priya's card on the desk. It will open anything on the sublevels, for tonight.
}
{kept_backdoor:
    Your key is in your pocket, warm. Whatever is down there in the dark has locked every door you know. It does not know about this one.
- else:
    You have no key now. If you go in, you go in the way every subscriber goes in, through the front, with nothing in your hands.
}
The dive couches on Sublevel Two have been cold for a year. You take the stairs, because the lifts are asleep too.
Behind you, on the wall, the red map of the city breathes in and out, in and out, like a tide. # pause
-> act4
