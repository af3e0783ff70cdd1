# assent_unit_tests(file...) adds test sources, beside the code they test, to the one
# assent_tests binary (one link step on 2 cores); tests/CMakeLists.txt builds it.
function(assent_unit_tests)
  foreach(f ${ARGN})
    get_filename_component(abs "${f}" ABSOLUTE)
    set_property(GLOBAL APPEND PROPERTY ASSENT_UNIT_TEST_SOURCES "${abs}")
  endforeach()
endfunction()
