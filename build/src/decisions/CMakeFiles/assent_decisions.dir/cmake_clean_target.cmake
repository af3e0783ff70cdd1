file(REMOVE_RECURSE
  "libassent_decisions.a"
)
