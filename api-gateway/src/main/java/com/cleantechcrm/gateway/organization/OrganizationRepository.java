package com.cleantechcrm.gateway.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public OrganizationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Organization> findByName(String name) {
        return jdbc.sql("SELECT id, name, created_at FROM organization WHERE name = :name")
                .param("name", name)
                .query(OrganizationRepository::mapRow)
                .optional();
    }

    public Optional<Organization> findById(UUID id) {
        return jdbc.sql("SELECT id, name, created_at FROM organization WHERE id = :id")
                .param("id", id)
                .query(OrganizationRepository::mapRow)
                .optional();
    }

    /** Returns the organisation with this name, creating it first if there is none. */
    public Organization findOrCreate(String name) {
        jdbc.sql("""
                        INSERT INTO organization (id, name, created_at)
                        VALUES (:id, :name, :createdAt)
                        ON CONFLICT (name) DO NOTHING
                        """)
                .param("id", UUID.randomUUID())
                .param("name", name)
                .param("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return findByName(name)
                .orElseThrow(() -> new IllegalStateException("Organization " + name + " vanished right after insert"));
    }

    private static Organization mapRow(ResultSet row, int rowNumber) throws SQLException {
        return new Organization(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
