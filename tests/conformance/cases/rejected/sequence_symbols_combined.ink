{&~Rain|Snow} // expect error: E001
-> END
