file(REMOVE_RECURSE
  "CMakeFiles/assent_decisions.dir/body_file.cpp.o"
  "CMakeFiles/assent_decisions.dir/body_file.cpp.o.d"
  "CMakeFiles/assent_decisions.dir/decision.cpp.o"
  "CMakeFiles/assent_decisions.dir/decision.cpp.o.d"
  "CMakeFiles/assent_decisions.dir/form_file.cpp.o"
  "CMakeFiles/assent_decisions.dir/form_file.cpp.o.d"
  "CMakeFiles/assent_decisions.dir/reference_pattern.cpp.o"
  "CMakeFiles/assent_decisions.dir/reference_pattern.cpp.o.d"
  "libassent_decisions.a"
  "libassent_decisions.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/assent_decisions.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
