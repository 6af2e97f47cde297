-> tunnel ->->-> // expect error: E001
== tunnel
In the tunnel.
->->
