{true:
* A choice the block cannot gather // expect error: E026
  Its content runs out.
}
-> END
