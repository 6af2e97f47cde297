{ // expect error: E001
}
-> END
