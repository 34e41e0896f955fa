"""Qt item models over service results (frozen dataclasses, never ORM objects)."""
