~
-> END
// expect error: E003
