package dev.commandcenter.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * incident-service's own schema, laid into another database: the Flyway migrations packaged in
 * the service (its {@code db/migration} and event-kit's {@code db/event-kit}), applied in version
 * order. The direct measurement then writes to the same tables with the same indexes.
 */
final class ServiceSchema {
    private static final Pattern MIGRATION = Pattern.compile("db/(migration|event-kit)/V([0-9_.]+)__[^/]+\\.sql");

    private record Migration(List<Integer> version, String name, String sql) {
    }

    private ServiceSchema() {
    }

    /** Applies every migration found in the packaged service under {@code quarkusApp}; returns their names. */
    static List<String> apply(Path quarkusApp, Connection db) throws IOException, SQLException {
        List<Migration> migrations = new ArrayList<>();
        try (Stream<Path> jars = Stream.concat(Files.list(quarkusApp.resolve("app")),
                Files.list(quarkusApp.resolve("lib/main")))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : java.util.Collections.list(file.entries())) {
                        Matcher m = MIGRATION.matcher(entry.getName());
                        if (m.matches()) {
                            try (InputStream in = file.getInputStream(entry)) {
                                migrations.add(new Migration(version(m.group(2)), entry.getName(),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            }
        }
        if (migrations.isEmpty()) {
            throw new IllegalStateException("No Flyway migrations found in " + quarkusApp);
        }
        migrations.sort(Comparator.comparing(Migration::version, ServiceSchema::compare));
        try (Statement sql = db.createStatement()) {
            for (Migration migration : migrations) {
                sql.execute(migration.sql());
            }
        }
        return migrations.stream().map(Migration::name).toList();
    }

    private static List<Integer> version(String text) {
        return Arrays.stream(text.split("[._]")).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
