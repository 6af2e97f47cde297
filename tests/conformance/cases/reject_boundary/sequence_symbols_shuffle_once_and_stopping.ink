// '~!' (shuffle once) and '$' (stopping) are sequences too; a space alone is a branch's content
VAR cold = true
{$Rain|Snow} {~!Only} {cold: |Warm}.
-> END
// expect: Rain Only .
