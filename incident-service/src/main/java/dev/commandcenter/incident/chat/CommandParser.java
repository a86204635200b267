package dev.commandcenter.incident.chat;

import dev.commandcenter.contracts.PlaybookContent.StatusPhase;
import dev.commandcenter.incident.chat.SlashCommand.Mention;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the text of an {@code /incident} command, as Mattermost and Slack send it (the words after the
 * trigger) and as a checklist step holds it (with the trigger). One parser for chat and steps, so a
 * command means the same wherever it is typed. Never fails: what it cannot read is {@link SlashCommand.Invalid}
 * with the usage to show.
 */
public final class CommandParser {
    /** The trigger the platform's own commands start with. */
    public static final String TRIGGER = "/incident";

    /** The usage of each command, in the order help lists them. */
    static final Map<String, String> USAGE = usage();

    private static final Pattern SLACK_MENTION = Pattern.compile("<@([A-Za-z0-9]+)(?:\\|([^>]+))?>");
    private static final Pattern NAME = Pattern.compile("@?([A-Za-z0-9._-]{1,100})");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CommandParser() {
    }

    private static Map<String, String> usage() {
        Map<String, String> usage = new LinkedHashMap<>();
        usage.put("start", "start [playbook] [name]: start an incident here (the integration's playbook unless you "
                + "name one)");
        usage.put("start-from-post", "start-from-post <text of the post>: start an incident quoting a post");
        usage.put("end", "end: end this channel's incident");
        usage.put("commander", "commander @user: hand over command to a member");
        usage.put("add", "add @user: add a team member to the incident");
        usage.put("role", "role <role> @user: give a role to a member");
        usage.put("stage", "stage <n|name>: make a stage the active one");
        usage.put("check", "check <n>: check the n-th item of the active stage");
        usage.put("severity", "severity <level>: set the severity (one of the playbook's levels)");
        usage.put("update", "update <" + Arrays.stream(StatusPhase.values()).map(p -> p.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|")) + "> <text>: post a status update");
        usage.put("info", "info: this channel's incident");
        usage.put("list", "list: the team's ongoing incidents");
        usage.put("help", "help: this list");
        return Collections.unmodifiableMap(usage);
    }

    /** Whether a step's slash command is one of the platform's own ({@code /incident ...}). */
    public static boolean isOwn(String slashCommand) {
        if (slashCommand == null) {
            return false;
        }
        String text = slashCommand.strip();
        return text.equals(TRIGGER) || (text.startsWith(TRIGGER) && Character.isWhitespace(text.charAt(TRIGGER.length())));
    }

    /** A step's command: the text after the trigger. */
    public static SlashCommand parseStep(String slashCommand) {
        return parse(slashCommand.strip().substring(TRIGGER.length()));
    }

    /** The words after the trigger; blank is {@code help}. */
    public static SlashCommand parse(String text) {
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            return new SlashCommand.Help();
        }
        String[] split = WHITESPACE.split(rest, 2);
        String verb = split[0].toLowerCase(Locale.ROOT);
        String args = split.length > 1 ? split[1].strip() : "";
        return switch (verb) {
            case "start" -> new SlashCommand.Start(args);
            case "start-from-post" -> args.isEmpty() ? invalid(verb, "Paste the post's text after the command.")
                    : new SlashCommand.StartFromPost(args);
            case "end" -> noArguments(verb, args, new SlashCommand.End());
            case "commander" -> mention(args).<SlashCommand>map(SlashCommand.Commander::new)
                    .orElseGet(() -> invalid(verb, "Name the new commander."));
            case "add" -> mention(args).<SlashCommand>map(SlashCommand.Add::new)
                    .orElseGet(() -> invalid(verb, "Name the person to add."));
            case "role" -> role(args);
            case "stage" -> args.isEmpty() ? invalid(verb, "Name the stage or give its number.")
                    : new SlashCommand.Stage(args);
            case "check" -> check(args);
            case "severity" -> args.isEmpty() || WHITESPACE.matcher(args).find()
                    ? invalid(verb, "Give one severity level.") : new SlashCommand.Severity(args);
            case "update" -> update(args);
            case "info" -> noArguments(verb, args, new SlashCommand.Info());
            case "list" -> noArguments(verb, args, new SlashCommand.ListOngoing());
            case "help" -> new SlashCommand.Help();
            default -> new SlashCommand.Invalid("Unknown command \"" + shorten(split[0]) + "\".", null);
        };
    }

    /** The usage line of a command (for its trigger), or every command's for help. */
    public static String help(String trigger) {
        return "Commands:\n" + USAGE.values().stream().map(line -> "- " + trigger + " " + line)
                .collect(Collectors.joining("\n"));
    }

    public static String usage(String trigger, String verb) {
        return "Usage: " + trigger + " " + USAGE.get(verb);
    }

    private static SlashCommand role(String args) {
        int last = lastWordStart(args);
        if (last <= 0) {
            return invalid("role", "Name the role and the person.");
        }
        String role = args.substring(0, last).strip();
        return mention(args.substring(last)).<SlashCommand>map(user -> new SlashCommand.Role(role, user))
                .orElseGet(() -> invalid("role", "Name the person last, as @user."));
    }

    private static SlashCommand check(String args) {
        try {
            int position = Integer.parseInt(args);
            return position >= 1 ? new SlashCommand.Check(position)
                    : invalid("check", "The items are numbered from 1.");
        } catch (NumberFormatException e) {
            return invalid("check", "Give the item's number in the active stage.");
        }
    }

    private static SlashCommand update(String args) {
        String[] split = WHITESPACE.split(args, 2);
        StatusPhase phase = Arrays.stream(StatusPhase.values())
                .filter(p -> p.name().equalsIgnoreCase(split[0])).findFirst().orElse(null);
        if (phase == null) {
            return invalid("update", args.isEmpty() ? "Give the phase and the text."
                    : "\"" + shorten(split[0]) + "\" is not a phase.");
        }
        if (split.length < 2 || split[1].isBlank()) {
            return invalid("update", "Write the update after the phase.");
        }
        return new SlashCommand.Update(phase, split[1].strip());
    }

    /** A single mention: {@code @name}, {@code name} or {@code <@ID|name>}. */
    static Optional<Mention> mention(String word) {
        String text = word.strip();
        Matcher slack = SLACK_MENTION.matcher(text);
        if (slack.matches()) {
            return Optional.of(new Mention(slack.group(1), slack.group(2)));
        }
        Matcher name = NAME.matcher(text);
        return name.matches() ? Optional.of(new Mention(null, name.group(1))) : Optional.empty();
    }

    private static int lastWordStart(String text) {
        int end = text.length();
        int i = end - 1;
        while (i >= 0 && !Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i + 1;
    }

    private static SlashCommand noArguments(String verb, String args, SlashCommand command) {
        return args.isEmpty() ? command : invalid(verb, "It takes no arguments.");
    }

    private static SlashCommand invalid(String verb, String problem) {
        return new SlashCommand.Invalid(problem, verb);
    }

    private static String shorten(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "..." : word;
    }
}
