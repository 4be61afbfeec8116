"""What the OGP rules mean for a record: stages, deadlines, requirements, roll-up, evidence,
changes."""
