"""clinic_app: case, clinic and document management for anti-trafficking shelters and clinics."""

__version__ = "0.1.0"
