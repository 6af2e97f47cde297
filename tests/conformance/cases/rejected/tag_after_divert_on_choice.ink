* Leave -> gone # exit // expect error: E034
== gone
Gone. -> END
