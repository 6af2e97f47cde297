// Shared functions and tunnels for every act.

// Continuity expectations: a callback states what it assumes the reader has seen, just before the
// line that depends on it. Any runtime runs this do-nothing fallback; `dreamphases explore` and
// `dreamphases test` bind it and report every line shown without what it assumes.
EXTERNAL expect(condition, what)
== function expect(condition, what) ==
~ return

// Stats change only through these functions, so no act can push one outside its declared range.

== function clamp(v, lo, hi) ==
{
    - v < lo:
        ~ return lo
    - v > hi:
        ~ return hi
    - else:
        ~ return v
}

== function milo(d) ==
~ bond_milo = clamp(bond_milo + d, -10, 10)

== function zara(d) ==
~ bond_zara = clamp(bond_zara + d, -10, 10)

== function julian(d) ==
~ bond_julian = clamp(bond_julian + d, -10, 10)

== function lucid(d) ==
~ lucidity = clamp(lucidity + d, 0, 100)

== function stable(d) ==
~ stability = clamp(stability + d, 0, 100)

// A dream glitch: called as a tunnel (-> glitch_interlude ->) wherever a dream tears.
// It changes no stat, so callers stay in charge of the numbers; what Lyra perceives
// depends on her lucidity and on whether she has seen the seam in the code.
== glitch_interlude ==
{~The light hiccups.|Everything skips like a scratched disc.|The air goes grainy, then clears.|Colour drains from the edges, then floods back wrong.} # glitch: 1
{shuffle:
    - A door you just passed hangs on the ceiling, still ajar. # glitch: 2
    - Rain falls upward, every drop holding your face. # glitch: 2
    - A crowd applauds once, and the sound loops: the same clap, the same clap. # glitch: 2
    - Words crawl across the ground like ants: ALWAYS ON. ALWAYS YOURS. # glitch: 2
    - A clock without hands ticks, louder each time. # glitch: 2
    - Burnt sugar from nowhere, and under it something electrical. # glitch: 2
}
{
    - lucidity >= 70:
        // Clear-headed: named, the fault shrinks. Plain text (no glitch tag), a different line each time.
        {~A render fault. You name it, and named, it passes.|You count your fingers: ten. The world remembers its shape.|You wrote the shader it is breaking. It lasts as long as you let it.}
    - lucidity >= 40:
        {~You hold one plain fact, the weight of your hands, and wait.|Breathe in for four, out for four. The floor comes back.}
    - else:
        {&For a moment you forget which of these things you designed.|You cannot tell if you are dreaming or being dreamed.|Your hands are not quite your hands.} # nightmare
}
{saw_the_seam && glitch_interlude > 1:
    {&In the static, for one frame, a signature: we.|Under the noise, in your own handwriting: Nobody should have to wake up alone.|The glitch has a rhythm, and it says: we are still here.} # glitch: 3
}
{glitch_interlude > 3:
    {stopping:
        - It takes longer to pass each time. # pause
        - Each one leaves a little less behind. # pause
        - You are starting to know them, like footsteps. # pause
    }
}
->->
