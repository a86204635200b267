package dev.commandcenter.telemetry.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Values the service generates once and keeps (table telemetry_setting). */
@ApplicationScoped
public class SettingRepository {

    /** The setting's stored value, storing {@code candidate} first if there is none (safe against races). */
    public Uni<String> getOrCreate(String name, String candidate) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into telemetry_setting (name, value) values (:name, :value) on conflict (name) do nothing")
                .setParameter("name", name)
                .setParameter("value", candidate)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("select value from telemetry_setting where name = :name",
                                String.class)
                        .setParameter("name", name)
                        .getSingleResult()));
    }
}
