"""Security primitives: passwords, permissions, audit hash chain, idle and lockout policy.

Pure Python: no Qt, no database. Services and storage build on these.
"""
