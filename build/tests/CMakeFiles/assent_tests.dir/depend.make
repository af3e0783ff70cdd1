# Empty dependencies file for assent_tests.
# This may be replaced when dependencies are built.
