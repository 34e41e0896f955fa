"""The person record window and its tabs."""
