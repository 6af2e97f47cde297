~ temp weather = "~ snow" // expect error: E001
{weather}
-> END
