"""Clinic widgets: the quick visit form, visitor history, outings, referrals, day summary."""
