package org.hotline.caseconnector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, migrated database for a test: H2 in memory, or a PostgreSQL database the test creates on
 * the local server ({@code HOTLINE_TEST_POSTGRES_URL}, default the machine's, user postgres) and
 * drops when closed.
 */
public final class TestDatabases {

    public record TestDatabase(String kind, DataSource dataSource, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    private TestDatabases() {}

    public static TestDatabase h2() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:cases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        migrate(ds);
        return new TestDatabase("H2", ds, () -> { });
    }

    public static TestDatabase postgres() {
        String admin = System.getenv().getOrDefault("HOTLINE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("HOTLINE_TEST_POSTGRES_USER", "postgres");
        String name = "hotline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, user, "CREATE DATABASE " + name);
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        var ds = new DriverManagerDataSource(url, user, "");
        migrate(ds);
        return new TestDatabase("PostgreSQL", ds, () -> execute(admin, user, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).load().migrate();
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.createStatement().execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url + " (is PostgreSQL running?)", e);
        }
    }
}
