package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.Retrospective;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RetrospectiveRepository implements PanacheRepositoryBase<Retrospective, UUID> {
}
