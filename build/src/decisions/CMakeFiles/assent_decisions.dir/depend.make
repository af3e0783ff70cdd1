# Empty dependencies file for assent_decisions.
# This may be replaced when dependencies are built.
