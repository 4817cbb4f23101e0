-- Runs once, when the PostgreSQL container starts with an empty data volume: one database per service.
-- Each service creates its own tables with Flyway at start-up.
CREATE DATABASE crm_command;
CREATE DATABASE crm_query;
CREATE DATABASE crm_gateway;
