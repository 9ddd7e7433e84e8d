"""The county e-commerce center's service (DESIGN §7): receives station batches, serves ledgers."""
