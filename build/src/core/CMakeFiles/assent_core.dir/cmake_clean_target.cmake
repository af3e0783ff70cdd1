file(REMOVE_RECURSE
  "libassent_core.a"
)
