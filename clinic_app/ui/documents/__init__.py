"""Documents in the app: the print dialog, the Documents area's widgets, the person tab."""
