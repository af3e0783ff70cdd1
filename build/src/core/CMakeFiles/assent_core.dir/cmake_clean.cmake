file(REMOVE_RECURSE
  "CMakeFiles/assent_core.dir/date.cpp.o"
  "CMakeFiles/assent_core.dir/date.cpp.o.d"
  "CMakeFiles/assent_core.dir/result.cpp.o"
  "CMakeFiles/assent_core.dir/result.cpp.o.d"
  "CMakeFiles/assent_core.dir/text.cpp.o"
  "CMakeFiles/assent_core.dir/text.cpp.o.d"
  "libassent_core.a"
  "libassent_core.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/assent_core.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
