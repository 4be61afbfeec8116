"""A change to the record as a reviewer needs it, and its report."""
