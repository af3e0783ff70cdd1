file(REMOVE_RECURSE
  "CMakeFiles/assent_tests.dir/__/src/core/date_test.cpp.o"
  "CMakeFiles/assent_tests.dir/__/src/core/date_test.cpp.o.d"
  "CMakeFiles/assent_tests.dir/__/src/core/text_test.cpp.o"
  "CMakeFiles/assent_tests.dir/__/src/core/text_test.cpp.o.d"
  "CMakeFiles/assent_tests.dir/__/src/decisions/body_file_test.cpp.o"
  "CMakeFiles/assent_tests.dir/__/src/decisions/body_file_test.cpp.o.d"
  "CMakeFiles/assent_tests.dir/__/src/decisions/decision_test.cpp.o"
  "CMakeFiles/assent_tests.dir/__/src/decisions/decision_test.cpp.o.d"
  "CMakeFiles/assent_tests.dir/__/src/decisions/form_file_test.cpp.o"
  "CMakeFiles/assent_tests.dir/__/src/decisions/form_file_test.cpp.o.d"
  "CMakeFiles/assent_tests.dir/__/src/decisions/reference_pattern_test.cpp.o"
  "CMakeFiles/assent_tests.dir/__/src/decisions/reference_pattern_test.cpp.o.d"
  "CMakeFiles/assent_tests.dir/support/files.cpp.o"
  "CMakeFiles/assent_tests.dir/support/files.cpp.o.d"
  "assent_tests"
  "assent_tests.pdb"
  "assent_tests[1]_tests.cmake"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/assent_tests.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
