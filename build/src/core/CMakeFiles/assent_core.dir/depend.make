# Empty dependencies file for assent_core.
# This may be replaced when dependencies are built.
