Hello | world // expect error: E001
-> END
