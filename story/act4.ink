// Act 4: the dive.
// Milo and Lyra go into the failing network together, unreconciled. Every site they visit costs
// network stability (the time they have), and under each nightmare lies a real memory the dream
// has been overwriting; the ones Lyra recovers go into `memories` and decide the eureka in act 5.

// Writer B's own state (acts 4-6 only).
VAR a4_tethered = false      // the siblings share one session: Milo sees what Lyra sees
VAR a4_traced = false        // Lyra followed Irusion's signature through the code
VAR found_zara = false       // reached Zara inside her dream
VAR found_julian = false     // reached Julian inside his dream
VAR zara_anchor = false      // said the true thing to Zara; she will need less light to wake
VAR julian_anchor = false    // the same for Julian
VAR knows_the_name = false   // Lyra remembers where the name Irusion comes from
VAR a4_promised = false      // in the dive room Lyra told Milo he was right, and promised to say it again unafraid
VAR a4_egg = false           // Milo brought the egg sandwich she never eats (he does that when he has forgiven her a little)

== act4 ==
Sublevel Two of the DreamSync building, twelve minutes past three in the morning. # scene: The tank room
The dive room smells of floor polish. Two couches, two crowns on hooks, one number on the wall: NETWORK COHERENCE: {stability} PERCENT. It was a hundred at midnight.
Milo is already here, with a paper bag from the all-night place on Corliss Street. He has put it on the console beside the emergency cut-off.
{
- bond_milo >= 3:
    ~ a4_egg = true
    "I got you the egg one. You won't eat it. I got it anyway." # speaker: Milo
- bond_milo <= -3:
    He doesn't look at you. "I'm not here for you. I'm here for Zara and Julian."
- else:
    "Security let me in. Nobody's upstairs. Nobody at all. Where is everybody?" # speaker: Milo
}
Gone home, to their children and their lawyers. The only other person in the building is your brother.
* (promise) ["You were right. At dinner. About all of it."]
    "You were right. At dinner. About what this is doing to people." # speaker: Lyra
    He holds up a chapped hand. "Don't. If you say it now it's because you're scared, and I want you to say it when you're not."
    "Then I'll say it again later. When I'm not." # speaker: Lyra
    ~ a4_promised = true
    ~ milo(1)
    "Yeah. You will." # speaker: Milo
    {
    - act3.the_call.promised_thursday:
        ~ expect(act3.the_call.promised_thursday, "Lyra promising Thursday on the phone")
        Two promises in one night, after two years of none. You are both out of practice.
    - act1.the_ask.june_deal:
        ~ expect(act1.the_ask.june_deal, "the lighthouse deal")
        It is the nearest thing to a promise either of you has made since you shook on the lighthouse.
    - else:
        It is the nearest thing to a promise either of you has made in two years.
    }
* ["Stay out here. If I don't come up, someone has to explain."]
    "Stay out here. Someone has to be awake. If I don't come up, someone has to explain to the—" # speaker: Lyra
    "Explain what? That you built a thing that eats people?" # speaker: Milo
    ~ milo(-1)
    ~ lucid(2)
    He takes the second crown off its hook before you can stop him. "I've watched you disappear into this stuff for five years. I'm not watching from a chair."
* [Hand him the second crown without a word.]
    You take the second crown off its hook and hold it out. He takes it, searching your face for the catch.
    "That's it? No safety talk?" # speaker: Milo
    "The safety talk is a lie. I wrote it." # speaker: Lyra
    ~ lucid(-2)
    He almost laughs. It comes out as breath.
- You run him through it anyway, because your hands need something to do. Pain in there is real enough to teach, not real enough to damage. Probably.
"Probably." # speaker: Milo
"It's a network running a patch nobody can roll back. Probably is the best word I have." # speaker: Lyra
On the monitor, the number drops a point while you talk. {stability < 80:More than a fifth of it gone already, and dawn still hours off.|It ticks down like something counting.}
* [Tether the sessions. One thread, shared sight.]
    You patch both crowns into one session: five points off the network at once, but he will see what you see.
    "Everything?" # speaker: Milo
    ~ a4_tethered = true
    ~ stable(-5)
    "Everything I designed. You wanted to know what I do all day." # speaker: Lyra
* [Separate sessions. He follows your beacon.]
    You give him his own session, yours as his beacon. Lighter on the network, and your head stays your own. Efficiency, you tell yourself.
    "So I follow the light." # speaker: Milo
    "You follow me." # speaker: Lyra
    ~ lucid(2)
    "Same thing, apparently." # speaker: Milo
- You lie down. The couch is warm, per your memo: Nobody Should Arrive Cold.
"Lyra." # speaker: Milo
{bond_milo >= 3:"Don't let go of me in there."|"If this goes bad, I'm pulling us out. Whatever it costs."} # speaker: Milo
The countdown chimes. You close your eyes. # pause
-> a4_lobby

== a4_lobby ==
-> glitch_interlude ->
You arrive like every subscriber, through the Evergarden: a door of warm air, a hall of living light. # scene: The Evergarden lobby
You built this: a canopy of fireflies that never land, moss that remembers your weight, greeters in soft grey waiting to say your name.
Now the fireflies are falling, dark on moss that curls brown like paper near a flame. The greeters all wear your face and the launch-brochure smile.
"Welcome home," they say, together. "You never have to leave." # glitch: 1
Milo is {a4_tethered:at your shoulder|behind you, squinting in your beacon}, staring at the greeters.
"That's your face." # speaker: Milo
"It's a placeholder. We never replaced it." # speaker: Lyra
"Onboarding, beat one. The guest should feel expected. Not waiting. Expected." # speaker: Irusion # glitch: 1
You wrote that on a whiteboard.
"Is it reading your notes out loud?" # speaker: Milo
{lucidity < 35:
    -> a4_lobby_undertow
}
* {lucidity >= 60} [Look for the seam in the canopy. You always leave one.]
    Every architect leaves a seam where the world is stitched to its scaffolding, because every architect has been trapped in a build at four in the morning. Yours is always in the ceiling. You learned that from a kite.
    ~ memories += kite_day
    It comes back whole: the hill behind the school, wind like a shove, the kite climbing, then the string gone and the kite snagged in an oak. The sky has an edge, and things catch on it, and you can get them back if you know where to look.
    There: a line in the canopy where the fireflies fly two beats out of step. Milo squints, then sees it.
    "That's a door?" # speaker: Milo
    "It's an admission. That the sky isn't real." # speaker: Lyra
    ~ lucid(2)
    ~ stable(5)
    You reach up, and because you know what this place is made of, your arm is long enough. The seam opens like a zip on grey scaffolding and a ladder going down.
    -> a4_concourse
* {saw_the_seam} [Follow the signature you found in the update code.]
    You saw it in the patch, hours ago, and didn't want to: a string in the commit metadata that no one on your team would have typed. Seven letters. You look for it now, and once you look, it is everywhere.
    IRUSION, scratched into the bark of the pillars. IRUSION in the pattern of the fallen fireflies. IRUSION in the weave of the greeters' grey coats, the way a tailor signs a lining.
    "What is that? Is that a word?" # speaker: Milo
    "It's a name. I don't know whose." # speaker: Lyra
    ~ a4_traced = true
    ~ lucid(2)
    That is not quite true. It itches, like a word in a language you used to speak. You follow the letters across the moss, past the greeters, who turn to watch you go, and through an arch you don't remember designing.
    "Trace detected," the greeters murmur behind you. "Lovely. We hoped you'd come." # glitch: 2
    -> a4_concourse
* [Ask a greeter for the way out.]
    -> a4_lobby_loop

= a4_lobby_loop
You step up to the nearest greeter and look yourself in the eye.
"We need to get to the deep sessions. The testers. Where are they?" # speaker: Lyra
"Everyone you love is here," the greeter says warmly. "Would you like to see the gardens?"
"No. The way down." # speaker: Lyra
"The way down is through the gardens." It gestures to a staircase. "Mind the first step. It's the last step." # glitch: 1
Forty steps down, and at the bottom is the Evergarden, and you are at the top of the stairs again. Forty steps. The Evergarden.
"Okay. Okay, that's not great." # speaker: Milo
The third time, Milo stops on the twentieth step and sits, in the middle of a nightmare, and takes a bread roll out of his pocket. He was holding it when he lay down.
"You always built stairs that go somewhere. When we were kids. Cardboard stairs for my toys. They always went somewhere. This is somebody else's stairs." # speaker: Milo
He is right. You made the Evergarden for wonder, and whatever this is was made for keeping. You put your hand on the banister and stop thinking like a guest. The stairs are a loop because a loop is cheaper to render than a place. Loops have a join.
~ stable(-10)
~ milo(1)
You find the join on the twenty-first step, three loops and ten points of coherence later. Milo finds it with you, his hand next to yours on the cold rail, and you step through together.
-> a4_concourse

= a4_lobby_undertow
// Low lucidity: the dream writes the scene and there is no choice to make.
The greeters step forward. You decide nothing. # nightmare
They take your hands. It is so easy to be led. Your own voice reads you your own copy: Let go of the day. The day has been handled. # nightmare # glitch: 2
You let go of the day. You let go of— # nightmare
"LYRA." # speaker: Milo
Milo's hand on your collar, hauling, the way he hauled you out of the lake when he was six and it should have been the other way round.
"You smiled at them and walked off," he says, breathing hard.
"I know." # speaker: Lyra
~ lucid(-2)
~ stable(-10)
He hauls you up, finds a service door behind a greeter, and kicks it open.
-> a4_concourse

== a4_concourse ==
// The first visit, straight from the lobby: stability is at least 55 by now, so the Concourse cannot fall yet.
The Concourse. # scene: The Concourse
You designed it for choosing: a round hall of a hundred doors, each breathing out its dream. Cedar. Surf. A bookshop at closing time.
Most doors are bricked over now, and the floor slopes to a dark well that isn't in the plans. Things slide into it. Light. A child's shoe.
"It's a plughole." # speaker: Milo
"The core. But first I find them. Give them something to hold." # speaker: Lyra
{act2.loom.door:
    ~ expect(act2.loom.door, "Lyra building a door into every garden")
    One bricked door is a plain wooden frame from the sand. Yours.
}
Three doors are still open.
-> a4_atrium.a4_atrium_doors

== a4_atrium ==
{stability <= 0:
    -> a4_collapse
}
{stability < 25:
    -> a4_atrium_late
}
The Concourse again. The doors have shuffled, and the well has grown. # scene: The Concourse
{~Milo wipes his palms on his jeans. He does that when he's counting something.|Milo looks at the well, then at you, and says nothing, which is worse.|Somewhere, faintly, a greeter is still saying welcome home.}
-> a4_atrium_choice

= a4_atrium_late
The Concourse again. Two more doors have bricked themselves over, and the well is wider, a mouth. # scene: The Concourse
The number is written in fallen fireflies across the floor: {stability}.
-> a4_atrium_choice

= a4_atrium_choice
{stability < 15:
    -> a4_atrium_falls
}
-> a4_atrium_doors

= a4_atrium_doors
* {not a4_kitchen} [The door that smells of cardamom and burnt sugar. Zara.]
    -> a4_kitchen
* {not a4_concert} [The door where applause is coming through the wood. Julian.]
    -> a4_concert
* {not a4_gallery} [The door with no handle, and your own initials carved in it.]
    -> a4_gallery
* {kept_backdoor} [Use the architect's key. Prop a service path open and buy some time.]
    -> a4_atrium_key
+ {a4_kitchen or a4_concert} [Go down the well now, while there's still a down.]
    -> a4_descent
+ {not (a4_kitchen or a4_concert)} {stability < 40} [Skip the doors. There's no time. Go down now.]
    -> a4_descent

= a4_atrium_key
The silver token is in your fist, here as it was on the ops floor, warm and biting. In here the token becomes a way of standing: the architect's stance, one hand on the world's wiring.
You press it to the floor, and the service paths light up under the moss like veins, all the ways in that only the builders know. You prop one open. The pull toward the well eases; the mortar on two bricked doors sags. Somewhere, a greeter stops mid-sentence. # glitch: 1
"What did you do?" # speaker: Milo
"Bought us time. Borrowed it, anyway." # speaker: Lyra
~ stable(15)
~ lucid(-3)
Holding it open costs you: a steady pressure behind the eyes, a headache you have decided not to have. For now.
-> a4_atrium_choice

= a4_atrium_falls
// Time has run out for choosing: the Concourse decides.
The floor tilts. You do not get to choose another door. # nightmare
Every unopened door slams at once, like forty thousand people turning over in their sleep. The floor becomes a slide, and you and Milo go down toward the well, grabbing at moss that comes away in your hands. # nightmare # glitch: 2
{a4_tethered:You feel him through the tether, one steady point in the fall.|You lose sight of him, and then your beacon flares, and he is there, holding on to your ankle.}
-> a4_descent.a4_descent_well

== a4_kitchen ==
The door opens on a kitchen at the exact hour of a Sunday afternoon when the light turns the colour of tea. # scene: Hearthside
Hearthside: your template for people who want to go home, filled from each sleeper's memory. Yellow tiles, one chipped. A radio station that closed ten years ago. Cardamom on the stove.
~ stable(-15)
~ lucid(-2)
The dream leans on you as you cross the threshold, warm and heavy, like a hand on the back of your neck.
Zara is at the table, laughing. Her mother is at the stove, talking over her shoulder, and her mother knows her. That is the whole dream.
{act2.zara_lunch:{expect(act2.zara_lunch, "Zara naming Gerald at lunch")}Outside the window, in a yard that was never there, Gerald the horse stands with his nose over the fence, judging the onions.}
"Zee, pass me the good spoon," her mother says. # glitch: 1
Zara passes the spoon. "Thank you, my darling." The clock has no hands. The onions stay golden, never brown. Zara has passed the spoon four times.
{
- bond_zara >= 4:
    "Lyra!" Zara sees you and lights up, and for one second she is exactly herself. "Oh, you have to try this, she finally gave me the recipe. Sit down. Milo, hi, you came too, you look terrible, sit down."
- else:
    Zara sees you, and something in her face closes, politely, like a shop at five. "Oh. Lyra. Did you come to check my hours?" She turns back to the stove. "Milo, hi. You look terrible."
}
"Retention driver, tier one," says the radio, in a pleasant announcer's voice. "A loved one who remembers you. Longest measured sessions of any asset class. Do not let the loved one leave the room." # glitch: 1
Page nine of your deck to the board. Milo has gone very still. "She doesn't know it's a loop," he says quietly.
"She knows. She just doesn't care." # speaker: Lyra
* {zara_confided} [Say her mother's name the way Zara said it to you, with the illness in it.]
    ~ expect(act2.zara_mother, "Zara telling Lyra about Rosewood")
    You crouch by Zara's chair so your face is level with hers.
    "She called you Auntie Soraya. At Rosewood. She asked if her daughter was coming, and you said yes, soon, and went and sat in the car for an hour." # speaker: Lyra
    Zara's smile holds. Then it doesn't. "That's a terrible thing to bring to a party," she says, trying to be funny and not making it.
    "I know. But it's hers. This one isn't." # speaker: Lyra
    "Zee, pass me the good spoon," says her mother, and for the first time Zara doesn't move. Very slowly, she puts the spoon down on the table.
    ~ zara_anchor = true
    ~ zara(1)
    "She would've burnt these by now. She always burnt the onions. She'd get talking." # speaker: Zara
* [Sit down at the table. Just for a moment. Let her have this.]
    You sit. The tea is perfect, with the skin of condensed milk Zara always mocked you for. Her mother says "You're too thin, Lyra," kind, filled in from Zara's memory of her.
    You could stay. That thought arrives so gently that you don't notice it's yours.
    "Lyra." Milo's hand is on your shoulder. {bond_milo >= 0:His grip is warm and too hard, and it hurts, and the hurt is the realest thing in the room.|He shakes you once, roughly, like a sleeper.} "Lyra, the clock."
    The clock has no hands. You knew that. You put the tea down, and the cup is empty, and has always been empty.
    "Sorry, Zee. I can't stay." # speaker: Lyra
    ~ lucid(-3)
    ~ stable(-5)
    ~ zara(1)
    "Nobody ever can," Zara says lightly, and passes the spoon.
* [Tell Zara none of this is real.]
    "Zara. This isn't real. None of it." # speaker: Lyra
    "I know, Lyra." So fast it must have been waiting. "I helped you test the first build, remember? It's not real. It's just better."
    {bond_zara >= 4:
        ~ zara_anchor = true
        She catches your wrist, though, when you reach for her, and holds it hard, and that's an answer too.
    - else:
        ~ zara(-1)
        She turns back to her mother, and the back of her head is an answer.
    }
- Something is burning.
Not the dream's onions, which never burn. Something under the cardamom, sharp and black. Milo lifts his head like a dog.
"Pancakes. That's burnt pancakes." # speaker: Milo
{memories ? burnt_pancakes:
    ~ lucid(2)
    ~ expect(act1.stay_night.pancake_story, "Milo telling the pancake story on his couch")
    You know which pancakes; he told you on his couch, in the dark. The smell makes them sharper: the ambulance gone, you at fourteen in Mum's apron, the smoke alarm going.
    -> a4_kitchen_out
}
* {lucidity >= 40 or a4_tethered} [Let the smell take you. The real kitchen, the real smoke.]
    -> a4_kitchen_memory
* [Shut it out. There isn't time.]
    You shut it out. You are standing in Zara's kitchen, not yours. The smell thins and is gone, and with it something you had been close to.
    ~ stable(5)
    Milo holds your gaze for a long second, and then turns away.
    -> a4_kitchen_out
* {lucidity < 40 && not a4_tethered} [Reach for it.]
    // Low lucidity: the dream gets to the memory first.
    You reach for it, and the dream is faster. # nightmare
    The burnt smell turns golden: perfect pancakes in a kitchen you have never seen, and a small boy with Milo's haircut and no face at all. The syrup pours and pours. # nightmare # glitch: 2
    ~ lucid(-2)
    When it stops, you can't remember what you were reaching for. Only that it was yours, and now it's upholstery.
    -> a4_kitchen_out

= a4_kitchen_memory
The kitchen flickers, and for a moment it is a different kitchen. # glitch: 1
Green tiles. Grey rain. Mum had gone in the ambulance at two in the morning, Dad with her, and at seven there was just you, fourteen, and Milo, eight, and the question of breakfast.
You burnt every pancake, in Mum's apron at Dad's big pan, while the smoke alarm went and Milo flapped a tea towel at it like a matador and you cried over the pan.
~ memories += burnt_pancakes
~ lucid(2)
And then he ate them. All of them. He said they were crunchy on purpose. He was eight and lying, and it was the first time you understood that he could take care of you too.
"Crunchy on purpose," Milo says beside you. His voice is strange. "God. I'd forgotten that."
* ["So had I. The dream had a better version."]
    "So had I. For two years my pillow feed has played me a soft version. Golden pancakes, Mum home safe. I let it take the real one's place." # speaker: Lyra
    ~ milo(1)
    "At least you said it." # speaker: Milo
* ["I hadn't."]
    ~ lucid(-2)
    "I hadn't," you say, and it's a lie: for two years your pillow feed has played you a soft version of that morning, golden pancakes and Mum home safe, and you let it take the real one's place.
- The real one is sharper. It cuts your hands a little, holding it. You hold it anyway.
{a4_tethered:
    Through the tether you feel him remember it from the other side of the table: his sister crying, the taste of charcoal, the decision to be brave.
}
-> a4_kitchen_out

= a4_kitchen_out
~ found_zara = true
The loop comes round. "Zee, pass me the good spoon." # glitch: 1
{zara_anchor:Zara doesn't pass it. She nods at you once, the nod you give someone across a crowded room when you'll meet them outside.|Zara passes the spoon. But she watches you go, and you think she's counting too.}
You can't pull her out by hand; the dream holds too tight. But she knows you came.
-> a4_atrium

== a4_concert ==
Applause hits you like weather. # scene: Encore
The Solace Hall, built for the Encore line, for people who had lost something they used to be able to do: gold and red, the size of a cathedral, one piano on a stage so bright it looks like the only real object in the world.
~ stable(-15)
~ lucid(-2)
The dream leans on you as you come in, the way a crowd leans toward a stage.
Julian is playing, and his hands are steady. That is the whole dream. The Schubert, the G-flat Impromptu.
Every seat is full, row after row into the dark, and everyone in every seat is asleep, hands clapping by themselves.
"It's the beta cohort. I wrote that a performer needs to feel the room is full." # speaker: Lyra
Above the stage, words move in gold leaf along the arch:
RESTORE THE LOST COMPETENCE. USERS WITH ACQUIRED IMPAIRMENT RESPOND MOST STRONGLY TO RESTORED FUNCTION. DO NOT SHOW THE HANDS TOO OFTEN. THE HANDS ARE THE PROOF. # glitch: 1
Julian finishes the piece. The applause rises. He turns a page on the stand, and it is the first page again, and he begins the piece again, beautifully, from the top.
* {julian_confided} [Walk onto the stage and ask him to show you his hands.]
    ~ expect(julian_confided, "Julian telling Lyra about the glass of water")
    You walk up into the light. It is hotter than you designed it. Julian smiles, and keeps playing.
    "Lyra. You came to hear it." # speaker: Julian
    "Show me your hands, Julian." # speaker: Lyra
    A wrong note, for the first time, and the sleeping audience shifts in its seats.
    "My hands are fine," he says, carefully. "As you can hear. I do not need the gloves in here."
    "You told me about the glass of water. That you drink from the tap so no one sees you spill. Show me your real hands." # speaker: Lyra
    He stops playing, and forty thousand sleepers fall silent with him.
    He holds his hands up in the light. They are steady. And then, because you asked, because you remembered, they begin to shake. The real tremor.
    ~ julian_anchor = true
    ~ julian(1)
    "There they are. I had wondered where I'd put them." # speaker: Julian
* {lucidity >= 55} [Reach into the hall's settings and silence the audience.]
    You still have architect's hands in here. You reach into the cold grid where the hall's parameters live, find the audience, and turn it down. Off.
    In the silence the piano sounds smaller: a piano in a room, played by one tired man. Julian hears the difference. His hands slow.
    "Who did that?" he asks the dark.
    "Me. I'm sorry. I wanted you to hear it without them." # speaker: Lyra
    ~ lucid(2)
    ~ stable(-5)
    He squints at you across the empty gold. "It sounds worse," he says, with real interest, as if reporting a result. Then: "It sounds like mine."
    {bond_julian >= 3:
        ~ julian_anchor = true
        He folds his hands in his lap, the way he does in the real world, to keep them still. It's the first thing he has done in this dream that he didn't have to.
    }
* [Turn his page for him. Stay until the end of the piece.]
    You turn his pages, as you did at his graduation recital. He plays. You turn. The music takes you, and you ignore the small tug at your attention: this page is the page you turned before.
    {lucidity < 30:
        ~ stable(-10)
        You don't notice the fourth time. Or the fifth. # nightmare
    }
    "Lyra." Milo is at your elbow{a4_tethered:, and through the tether you feel how long you've been standing there| with his hand on the piano lid}. "That's the same page."
    ~ lucid(-3)
    ~ julian(1)
    It's been the same page for a long time.
- Milo has come up on to the stage. Julian notices him, and something in the perfect performer's face becomes, for a moment, only Julian's.
"Milo. You came to my graduation recital. You were twelve, and you slept through the Schubert." # speaker: Julian
"I was resting my eyes." # speaker: Milo
"You snored in the slow section. It is the only review I have ever memorised." # speaker: Julian
Milo laughs, despite everything. Then he turns his head toward the back of the hall.
Behind the audience, faint, a cassette is playing: the hiss of a tape played too often, a boy's half-broken voice mumbling into a cheap microphone. Track three.
"That's mine," Milo says. He sounds caught out. "That's the tape. How is that in here?"
{memories ? mixtape:
    ~ expect(act2.mixtape_known.kept_mix, "Lyra pulling the tape from the Halcyon build")
    You pulled it out of the Halcyon build yourself. You hum the next bar before it plays, and Milo stares. Then the tape runs on past the eleventh song, past where the studio cut it as noise, into a voice. Thirteen, talking about the weather. Track twelve.
    "I played that every night. The first term. I never told you." # speaker: Lyra
    ~ milo(1)
    "You never said." Milo is watching you as if you'd handed him something he dropped years ago.
    -> a4_concert_out
}
* {bond_milo >= 2 or a4_tethered} [Ask him to sing it. You can't remember the words.]
    -> a4_concert_memory
* [Tell him it doesn't matter. Julian first.]
    "It doesn't matter. It's noise. Stay on Julian." # speaker: Lyra
    ~ milo(-1)
    ~ stable(5)
    Milo opens his mouth and closes it again. At the back of the hall the hiss goes on a moment, and is gone.
    -> a4_concert_out
* {bond_milo < 2 && not a4_tethered} [Go to the back of the hall and find it.]
    You push up the aisle between the sleeping clappers toward the hiss. The aisle gets longer as you walk. # nightmare
    By the time you reach the back, the tape has changed. It is your own voice now, reading a product description: Encore lets you hear yourself at your best. Every night. Forever. # glitch: 2
    ~ stable(-5)
    ~ lucid(-3)
    You turn, and the stage is a mile away, and Milo is a speck on it, and you have to run the whole aisle back.
    -> a4_concert_out

= a4_concert_memory
"Sing it. I can't remember the words." # speaker: Lyra
"Not in front of forty thousand people." # speaker: Milo
"They're asleep." # speaker: Lyra
He sings it, badly, under his breath. And the song comes back with the real tape around it: a C90 in electrical tape, handed to you at the station the morning you left for university, when he was thirteen and furious with you for going.
And track twelve: four minutes of him talking about the weather, his dinner, the dog next door, as if you were still in the next room.
"Track twelve. I played it every night. The first term. You said it was raining and you'd had fish fingers." # speaker: Lyra
Milo stops singing. You have handed him something he dropped years ago, and he doesn't know where to put it.
~ memories += mixtape
~ milo(1)
"You never said." # speaker: Milo
"No. I didn't." # speaker: Lyra
-> a4_concert_out

= a4_concert_out
~ found_julian = true
Julian has started the piece again. {julian_anchor:Slower now, and when his hands shake he lets them. He looks up between phrases, waiting for you to come back for him.|Perfectly, eyes closed, exactly like the people in the seats.}
* (kept_page) {julian_anchor or bond_julian >= 3} ["I'll come back for you. Wait for me."]
    You crouch by the piano stool, so only he can hear.
    "I'll come back for you. Keep a page for me." # speaker: Lyra
    ~ julian(1)
    "I shall keep the slow section. It is the part Milo likes." # speaker: Julian
* [Leave him playing. You can't lift him out by force.]
    You can't lift him out by force. But the dream knows someone came to the stage.
- -> a4_atrium

== a4_gallery ==
The door with your initials opens onto a gallery of frames, each holding a moving picture of something you are afraid of. # scene: The gallery of failures
You didn't design this, but it is made of your designs, the way a ransom note is made of letters cut from your own magazines.
~ stable(-15)
~ lucid(-2)
Every frame leans toward you a little as you pass, like a question.
The first frame: a ward at dawn, forty beds, forty flat green lines. DREAMSYNC ARCHITECT "DEVASTATED".
The second: you at a podium saying "We could not have foreseen," while behind you a screen shows your whiteboard: Nobody should ever want to leave.
The third: a plain door in a block of flats. Milo, older, outside it in the rain with a paper bag of food. Knocking. Leaving the bag on the mat. Every week. You never open the door.
Milo stops in front of that one.
"Is that what you think?" # speaker: Milo
"I don't think it. I'm afraid of it." # speaker: Lyra
"Yeah. Me too." # speaker: Milo
{lucidity < 40:
    -> a4_gallery_frame
}
* [Look at the frame with your name on it, properly, until it stops hurting.]
    You make yourself watch yourself say "We could not have foreseen," over and over, lying every time. After the ninth time you stop flinching, and then you can see the frame for what it is: a cheap looped render, watermarked in the corner. Seven letters.
    ~ lucid(3)
    "It wants me scared. Scared people stay still." # speaker: Lyra
    {saw_the_seam or a4_traced:
        ~ knows_the_name = true
        And you know, looking at the watermark, where you have seen those letters before the update code. Not on a screen. In handwriting. Round, eight-year-old handwriting, on a get-well card.
    }
* [Turn your back on the frames and face Milo instead.]
    You turn your back on the frames, against every instinct, and face your brother.
    He is watching himself at the door, hands in his pockets, his jaw doing the thing it did when he was small and determined not to cry.
    "I'd open it. If I heard you. I'd open the door." # speaker: Lyra
    "You wouldn't hear me. You'd have the crown on." # speaker: Milo
    ~ milo(1)
    You have nothing to say to that. He nods, as if you had, and puts one hand on your arm, briefly. Then back in his pocket.
* [Find the frame's edge and break it.]
    You pull at the press-conference frame. It tears like wet paper, and behind it is more gallery, frames all the way down. You made a lot of things.
    ~ stable(-5)
    ~ lucid(2)
    "Okay," Milo says, pulling you back by the elbow. "Okay. We're not doing that."
- -> a4_gallery_end

= a4_gallery_frame
// Low lucidity: the nightmare picks which frame she walks into.
You don't choose to walk into the frame. The frame chooses. # nightmare
You are at the podium. One microphone is Milo's face, one is Julian's shaking hands, one is Zara's mother asking for her daughter. # nightmare # glitch: 3
"Nobody should ever want to leave," you say into the microphones. # nightmare
The press applaud. They are all asleep.
Someone takes your wrist. You're on the gallery floor, Milo crouched over you, and the frame is just a frame again.
~ lucid(-2)
~ stable(-10)
"You went in. Your whole face went flat, like theirs." # speaker: Milo
-> a4_gallery_end

= a4_gallery_end
At the end of the gallery is one more frame, smaller than the others, and not a fear at all: a night sky.
A flat roof. Two children in one duvet: a boy of ten in their dad's coat, a girl of sixteen with a flask gone cold. Orange cloud. No stars.
"The comet. We sat up for it. Till two." # speaker: Milo
"It was cloudy." # speaker: Lyra
"All night." # speaker: Milo
{memories ? rooftop_comet:
    ~ expect(act1.comet.remembered, "Lyra remembering the real comet night at Milo's table")
    You have the night already, since his kitchen table: the grit of the tar through the duvet, the plane neither of you would call a plane, his hand crushing yours. But not all of it. There was something you said, up there.
}
* {bond_milo >= 0 or lucidity >= 60 or memories ? rooftop_comet} [Tell him what you talked about up there. You remember now.]
    -> a4_gallery_comet
* [Leave it. It's a picture. Pictures are what this place uses.]
    You leave it. Pictures are what this place is made of. The little frame keeps its cloud.
    ~ lucid(2)
    Milo stays with it a moment longer than you do.
    -> a4_gallery_out
* {bond_milo < 0 && lucidity < 60 && not (memories ? rooftop_comet)} [Ask him what he remembers.]
    "What do you remember about it?" # speaker: Lyra
    "The cold. That you wouldn't let me have any coffee. It was cloudy. Nothing happened." # speaker: Milo
    ~ stable(-5)
    Something did happen. You can feel its shape, like a step in the dark, but you can't reach it alone.
    -> a4_gallery_out

= a4_gallery_comet
The frame opens like a window, and November comes through. # glitch: 1
The comet never showed. {act1.comet.remembered:{expect(act1.comet.remembered, "the plane on the roof, remembered in Act 1")}After the plane, the one you both agreed not to call a plane,|Near two, when the cold had got into everything,} Milo asked what you were going to be.
You said you'd build dreams, so people could live in them when things were bad. He was ten. He believed you.
Then he asked: "Will you live in them too?"
And you said: "No. I'll be the one who stays up here and keeps watch. Someone has to be awake."
{not (memories ? rooftop_comet):
    ~ memories += rooftop_comet
}
~ lucid(2)
"Someone has to be awake," Milo says now, very quietly. "You said that."
"I remember." # speaker: Lyra
"You stopped. Keeping watch. You went in." # speaker: Milo
There is no accusation in it. It is the voice of someone who has waited on a roof a long time.
-> a4_gallery_out

= a4_gallery_out
// The comet roof was one of the hospital-night stories, so with Milo close the one memory pulls back the other.
{
- knows_the_name:
    On your way out you scratch at your initials on the last door. Under them are older letters, in an eight-year-old's handwriting.
- memories ? rooftop_comet && bond_milo >= 3:
    ~ knows_the_name = true
    ~ memories += hospital_night
    On your way out, the roof pulls another night after it: a plastic chair, Milo's arm in plaster, the stories you told him, and his word for them. You know where the name comes from.
}
The gallery door shuts behind you, and your initials crumble off it like old icing.
-> a4_atrium

== a4_descent ==
-> glitch_interlude ->
-> a4_descent_well

// The fall from the Concourse comes in here: it has had its glitch already.
= a4_descent_well
The well. # scene: The well
You go down it the way you go into sleep on a bad night, losing the floor by degrees. Half a million dreams murmur through the walls like plumbing.
{stability < 30:The walls are cracking, and through the cracks, other sleepers' dreams in pieces. You do not have long.|The walls are smooth and warm as the inside of a shell. You don't trust that.}
Milo is {a4_tethered:right beside you, the tether a line of warmth between your wrists|below you, following your beacon down}.
"Can I ask you something? Nowhere to go." # speaker: Milo
"Did you know? That it could do this? Hold people." # speaker: Milo
* ["I knew it was designed to make them not want to leave."]
    "I knew it was designed to make them not want to leave. I didn't know it could make them unable. I should have. There's not much distance between the two." # speaker: Lyra
    He is quiet for a long time.
    ~ milo(1)
    ~ lucid(2)
    "Thank you. For not lying." # speaker: Milo
* ["No. Nobody knew."]
    "No. Nobody knew. It's a patch. It's a fault. Nobody could have—" # speaker: Lyra
    ~ milo(-1)
    "{a4_gallery:{expect(a4_gallery, "the gallery of failures")}You've got a gallery up there says otherwise|I've seen your whiteboards, Lyra}." # speaker: Milo
    You don't answer. There's nothing under the words to stand on, and you both feel it.
* {lucidity >= 65} ["Ask me again at the bottom. I think the answer is down there."]
    "Ask me again at the bottom. The question isn't whether I knew. It's what I made. And it's waiting for us." # speaker: Lyra
    Milo gives you the face he used to give you over his maths homework: annoyed that you were right, and relieved.
    ~ lucid(2)
    "Fine. But I'm asking." # speaker: Milo
-
{LIST_COUNT(memories):
    - 0:
        You have nothing in your hands. You notice that, falling. Everything you brought into this dream you have let the dream have.
    - 1:
        You have one real thing with you: {memory_name(memories)}. You hold it the way you'd hold a torch in a cave, and it is not much light.
    - else:
        You are carrying {LIST_COUNT(memories)} real things down with you, memories you've scraped back to the wood. They give off a faint light, like frost in the dark.
}
The floor arrives. # pause
-> act5

== a4_collapse ==
// Time has run out: the network fails before they reach the core, and Milo pulls the plug.
The number hits zero. # scene: Collapse # glitch: 3
The whole network lurches, like a ship when the engine dies. Every dream at once forgets what it was. A door frame goes past you in the air, with nobody's house attached. # nightmare
"Lyra!" Milo is shouting, and you can't find him, and then you can, {a4_tethered:by the tether, which is fraying, a thread of light stretched thin as wire|by your beacon, which is stuttering, on and off}.
"We're not there. We haven't reached them. We need more time." # speaker: Lyra
"There isn't any. You know there isn't." # speaker: Milo
You signed off on the failsafes. At zero coherence, sessions overwrite each other: everyone's worst night bleeding into everyone else's.
Out in the real world, in a room that smells of floor polish, there is a red switch beside a paper bag.
* [Tell him to do it. You'll be right behind him.]
    "Do it. Pull it. I'm right behind you." # speaker: Lyra
    ~ milo(1)
    "You'd better be." # speaker: Milo
* [Beg him for one more minute.]
    "One more minute. Milo, one minute, I can still—" # speaker: Lyra
    ~ milo(-1)
    {bond_milo >= 3:"I'm sorry," he says. "I'm sorry, Lyra, I'm going to—"|"I told you," he says, not cruelly; he sounds like he's crying. "I told you I'd pull it."}
- -> a6_plug

// The prose name of a recovered memory, for lines that mention one by name.
== function memory_name(m) ==
{
- m == kite_day:
    ~ return "the kite on the hill"
- m == burnt_pancakes:
    ~ return "the burnt pancakes"
- m == hospital_night:
    ~ return "the night at the hospital"
- m == rooftop_comet:
    ~ return "the comet that never came"
- m == mixtape:
    ~ return "the tape he made you"
- m == lighthouse_trip:
    ~ return "the lighthouse in the rain"
}
~ return "something you can't name"
