package dev.commandcenter.incident.chat;

import dev.commandcenter.contracts.PlaybookContent.StatusPhase;

/**
 * One {@code /incident} command as {@link CommandParser} reads it, before anything is looked up: the
 * words are checked for form only (a number where a number goes), names are resolved when it runs.
 */
public sealed interface SlashCommand {

    /** Whether it changes an incident (and so may run from a checklist step of that incident). */
    default boolean changesIncident() {
        return false;
    }

    /** {@code start [playbook] [name]}: the words after {@code start}, split into playbook and name when it runs. */
    record Start(String words) implements SlashCommand {
    }

    /** {@code start-from-post <text>} (and Slack's message shortcut): a start quoting the post. */
    record StartFromPost(String postText) implements SlashCommand {
    }

    record End() implements SlashCommand {
        @Override
        public boolean changesIncident() {
            return true;
        }
    }

    record Commander(Mention user) implements SlashCommand {
        @Override
        public boolean changesIncident() {
            return true;
        }
    }

    record Add(Mention user) implements SlashCommand {
        @Override
        public boolean changesIncident() {
            return true;
        }
    }

    /** {@code role <role> @user}: the role by name or id (a name may have spaces). */
    record Role(String role, Mention user) implements SlashCommand {
        @Override
        public boolean changesIncident() {
            return true;
        }
    }

    /** {@code stage <n|name>}: a stage by its position (1-based), title or id. */
    record Stage(String stage) implements SlashCommand {
        @Override
        public boolean changesIncident() {
            return true;
        }
    }

    /** {@code check <n>}: the n-th item (1-based) of the active stage is done. */
    record Check(int position) implements SlashCommand {
        @Override
        public boolean changesIncident() {
            return true;
        }
    }

    record Severity(String level) implements SlashCommand {
        @Override
        public boolean changesIncident() {
            return true;
        }
    }

    record Update(StatusPhase phase, String text) implements SlashCommand {
        @Override
        public boolean changesIncident() {
            return true;
        }
    }

    record Info() implements SlashCommand {
    }

    record ListOngoing() implements SlashCommand {
    }

    record Help() implements SlashCommand {
    }

    /** Not a command ({@code verb} null), or a command with the wrong words: {@code problem} says what. */
    record Invalid(String problem, String verb) implements SlashCommand {
    }

    /**
     * A person named in a command: {@code @name}, or Slack's escaped mention {@code <@U024BE7LH|name>}
     * (its user id, and its name when Slack sends one).
     */
    record Mention(String chatId, String name) {
    }
}
