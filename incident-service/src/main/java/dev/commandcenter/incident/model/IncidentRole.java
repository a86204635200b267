package dev.commandcenter.incident.model;

import dev.commandcenter.contracts.PlaybookContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A role the incident staffs (commander, scribe, communications, ... or one added during the
 * incident), with its holder. The commander role's holder is the incident's commander; other
 * holders are members of the incident. {@code id} is a stable slug of the name.
 */
public record IncidentRole(String id, String name, String responsibilities, boolean commander, boolean custom,
        String holderId) {

    public IncidentRole withHolder(String holder) {
        return new IncidentRole(id, name, responsibilities, commander, custom, holder);
    }

    /** The playbook's roles for a new incident: the commander role held by the commander, others open. */
    public static List<IncidentRole> fromPlaybook(List<PlaybookContent.Role> roles, String commanderId) {
        List<IncidentRole> result = new ArrayList<>();
        for (PlaybookContent.Role role : roles) {
            result.add(new IncidentRole(slug(role.name(), result), role.name(), role.responsibilities(),
                    role.commander(), false, role.commander() ? commanderId : null));
        }
        return List.copyOf(result);
    }

    /** A role added during the incident. */
    public static IncidentRole custom(String name, String responsibilities, List<IncidentRole> existing) {
        return new IncidentRole(slug(name, existing), name, responsibilities, false, true, null);
    }

    /** Lower-case letters and digits joined by dashes, made unique among {@code existing}. */
    static String slug(String name, List<IncidentRole> existing) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "role";
        }
        if (base.length() > 32) {
            base = base.substring(0, 32).replaceAll("-+$", "");
        }
        Set<String> taken = new HashSet<>();
        existing.forEach(role -> taken.add(role.id()));
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
