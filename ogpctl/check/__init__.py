"""Running the rule catalogue over a record (`run`): suppressions and positions (`locate`),
and the machine formats of the result (`report`, `forges`)."""
