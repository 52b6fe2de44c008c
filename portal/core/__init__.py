"""The bottom layer: helpers every app may use; imports nothing of ours."""
