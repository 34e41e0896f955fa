"""Action plans in the desktop application: the plan editor, the person's plans tab and the
shared labels and helpers they use."""
