package dev.commandcenter.kit.security;

import java.util.List;

/** What a page shows about the signed-in user: name, teams, whether a system administrator. */
public record Viewer(String name, List<String> teams, boolean systemAdmin) {

    public static Viewer of(CurrentUser user) {
        return new Viewer(user.id(), List.copyOf(user.teams()), user.isSystemAdmin());
    }
}
