ALTER TABLE listings DROP COLUMN npi_verified_on;
DROP TABLE nppes_providers;
DROP TABLE nppes_loads;
