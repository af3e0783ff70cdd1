
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/core/date_test.cpp" "tests/CMakeFiles/assent_tests.dir/__/src/core/date_test.cpp.o" "gcc" "tests/CMakeFiles/assent_tests.dir/__/src/core/date_test.cpp.o.d"
  "/work/main/src/core/text_test.cpp" "tests/CMakeFiles/assent_tests.dir/__/src/core/text_test.cpp.o" "gcc" "tests/CMakeFiles/assent_tests.dir/__/src/core/text_test.cpp.o.d"
  "/work/main/src/decisions/body_file_test.cpp" "tests/CMakeFiles/assent_tests.dir/__/src/decisions/body_file_test.cpp.o" "gcc" "tests/CMakeFiles/assent_tests.dir/__/src/decisions/body_file_test.cpp.o.d"
  "/work/main/src/decisions/decision_test.cpp" "tests/CMakeFiles/assent_tests.dir/__/src/decisions/decision_test.cpp.o" "gcc" "tests/CMakeFiles/assent_tests.dir/__/src/decisions/decision_test.cpp.o.d"
  "/work/main/src/decisions/form_file_test.cpp" "tests/CMakeFiles/assent_tests.dir/__/src/decisions/form_file_test.cpp.o" "gcc" "tests/CMakeFiles/assent_tests.dir/__/src/decisions/form_file_test.cpp.o.d"
  "/work/main/src/decisions/reference_pattern_test.cpp" "tests/CMakeFiles/assent_tests.dir/__/src/decisions/reference_pattern_test.cpp.o" "gcc" "tests/CMakeFiles/assent_tests.dir/__/src/decisions/reference_pattern_test.cpp.o.d"
  "/work/main/tests/support/files.cpp" "tests/CMakeFiles/assent_tests.dir/support/files.cpp.o" "gcc" "tests/CMakeFiles/assent_tests.dir/support/files.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build/src/decisions/CMakeFiles/assent_decisions.dir/DependInfo.cmake"
  "/work/main/build/src/core/CMakeFiles/assent_core.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
