
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/decisions/body_file.cpp" "src/decisions/CMakeFiles/assent_decisions.dir/body_file.cpp.o" "gcc" "src/decisions/CMakeFiles/assent_decisions.dir/body_file.cpp.o.d"
  "/work/main/src/decisions/decision.cpp" "src/decisions/CMakeFiles/assent_decisions.dir/decision.cpp.o" "gcc" "src/decisions/CMakeFiles/assent_decisions.dir/decision.cpp.o.d"
  "/work/main/src/decisions/form_file.cpp" "src/decisions/CMakeFiles/assent_decisions.dir/form_file.cpp.o" "gcc" "src/decisions/CMakeFiles/assent_decisions.dir/form_file.cpp.o.d"
  "/work/main/src/decisions/reference_pattern.cpp" "src/decisions/CMakeFiles/assent_decisions.dir/reference_pattern.cpp.o" "gcc" "src/decisions/CMakeFiles/assent_decisions.dir/reference_pattern.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build/src/core/CMakeFiles/assent_core.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
