"""Pages shown in the main window's sidebar areas."""
