package dev.commandcenter.incident.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.contracts.PlaybookContent.StatusPhase;
import dev.commandcenter.incident.chat.SlashCommand.Mention;
import org.junit.jupiter.api.Test;

/** The parser alone: what each command's words become, and what it answers to words it cannot read. */
class CommandParserTest {

    @Test
    void readsEveryCommand() {
        assertThat(CommandParser.parse("start Payments outage checkout-down"))
                .isEqualTo(new SlashCommand.Start("Payments outage checkout-down"));
        assertThat(CommandParser.parse("  START  ")).isEqualTo(new SlashCommand.Start(""));
        assertThat(CommandParser.parse("start-from-post Checkout is down\nsee graph"))
                .isEqualTo(new SlashCommand.StartFromPost("Checkout is down\nsee graph"));
        assertThat(CommandParser.parse("end")).isEqualTo(new SlashCommand.End());
        assertThat(CommandParser.parse("commander @bob")).isEqualTo(new SlashCommand.Commander(new Mention(null, "bob")));
        assertThat(CommandParser.parse("add <@U024BE7LH|bob>"))
                .isEqualTo(new SlashCommand.Add(new Mention("U024BE7LH", "bob")));
        assertThat(CommandParser.parse("add <@U024BE7LH>")).isEqualTo(new SlashCommand.Add(new Mention("U024BE7LH", null)));
        assertThat(CommandParser.parse("role Communications lead @dave"))
                .isEqualTo(new SlashCommand.Role("Communications lead", new Mention(null, "dave")));
        assertThat(CommandParser.parse("stage 2")).isEqualTo(new SlashCommand.Stage("2"));
        assertThat(CommandParser.parse("stage Mitigate and verify")).isEqualTo(new SlashCommand.Stage("Mitigate and verify"));
        assertThat(CommandParser.parse("check 3")).isEqualTo(new SlashCommand.Check(3));
        assertThat(CommandParser.parse("severity sev1")).isEqualTo(new SlashCommand.Severity("sev1"));
        assertThat(CommandParser.parse("update Monitoring Error rate back to 0.1%\nwatching"))
                .isEqualTo(new SlashCommand.Update(StatusPhase.MONITORING, "Error rate back to 0.1%\nwatching"));
        assertThat(CommandParser.parse("info")).isEqualTo(new SlashCommand.Info());
        assertThat(CommandParser.parse("list")).isEqualTo(new SlashCommand.ListOngoing());
        assertThat(CommandParser.parse("help")).isEqualTo(new SlashCommand.Help());
        assertThat(CommandParser.parse("")).isEqualTo(new SlashCommand.Help());
    }

    @Test
    void namesWhatItCannotRead() {
        assertThat(CommandParser.parse("frobnicate x")).isEqualTo(new SlashCommand.Invalid("Unknown command \"frobnicate\".", null));
        assertThat(CommandParser.parse("check 0")).isEqualTo(new SlashCommand.Invalid("The items are numbered from 1.", "check"));
        assertThat(CommandParser.parse("check two")).extracting(c -> ((SlashCommand.Invalid) c).verb()).isEqualTo("check");
        assertThat(CommandParser.parse("commander")).extracting(c -> ((SlashCommand.Invalid) c).verb()).isEqualTo("commander");
        assertThat(CommandParser.parse("commander bob smith")).isInstanceOf(SlashCommand.Invalid.class);
        assertThat(CommandParser.parse("role @bob")).isInstanceOf(SlashCommand.Invalid.class);
        assertThat(CommandParser.parse("severity SEV 1")).isInstanceOf(SlashCommand.Invalid.class);
        assertThat(CommandParser.parse("update identified")).isEqualTo(
                new SlashCommand.Invalid("Write the update after the phase.", "update"));
        assertThat(CommandParser.parse("end now")).isEqualTo(new SlashCommand.Invalid("It takes no arguments.", "end"));
        assertThat(CommandParser.parse("start-from-post")).isInstanceOf(SlashCommand.Invalid.class);
    }

    @Test
    void stepsRunOnlyThePlatformsOwnCommands() {
        assertThat(CommandParser.isOwn("/incident severity SEV1")).isTrue();
        assertThat(CommandParser.isOwn("/incident")).isTrue();
        assertThat(CommandParser.isOwn("/incidents list")).isFalse();
        assertThat(CommandParser.isOwn("/page oncall")).isFalse();
        assertThat(CommandParser.isOwn(null)).isFalse();
        assertThat(CommandParser.parseStep("/incident severity SEV1")).isEqualTo(new SlashCommand.Severity("SEV1"));
        assertThat(CommandParser.parseStep("/incident severity SEV1").changesIncident()).isTrue();
        assertThat(CommandParser.parseStep("/incident list").changesIncident()).isFalse();
    }

    @Test
    void helpListsEveryCommandWithTheTriggerTheToolSent() {
        assertThat(CommandParser.help("/ic")).startsWith("Commands:\n- /ic start [playbook] [name]")
                .contains("- /ic role <role> @user: give a role to a member").endsWith("- /ic help: this list");
        assertThat(CommandParser.usage("/incident", "stage")).isEqualTo(
                "Usage: /incident stage <n|name>: make a stage the active one");
    }
}
