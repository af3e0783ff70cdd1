
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/core/date.cpp" "src/core/CMakeFiles/assent_core.dir/date.cpp.o" "gcc" "src/core/CMakeFiles/assent_core.dir/date.cpp.o.d"
  "/work/main/src/core/result.cpp" "src/core/CMakeFiles/assent_core.dir/result.cpp.o" "gcc" "src/core/CMakeFiles/assent_core.dir/result.cpp.o.d"
  "/work/main/src/core/text.cpp" "src/core/CMakeFiles/assent_core.dir/text.cpp.o" "gcc" "src/core/CMakeFiles/assent_core.dir/text.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
