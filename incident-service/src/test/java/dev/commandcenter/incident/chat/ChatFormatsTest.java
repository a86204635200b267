package dev.commandcenter.incident.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.commandcenter.kit.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading chat tools' requests: forms, Slack's signature (the example of Slack's documentation), shortcuts. */
class ChatFormatsTest {
    /** "Verifying requests from Slack": its example secret, timestamp, body and signature. */
    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String SLACK_TIMESTAMP = "1531420618";
    private static final String SLACK_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    @Test
    void checksSlacksSignatureOverTheRawBody() {
        byte[] body = SLACK_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(ChatFormats.slackSignatureMatches(SLACK_SECRET, SLACK_TIMESTAMP, body, SLACK_SIGNATURE)).isTrue();
        assertThat(ChatFormats.slackSignatureMatches("another-secret", SLACK_TIMESTAMP, body, SLACK_SIGNATURE)).isFalse();
        assertThat(ChatFormats.slackSignatureMatches(SLACK_SECRET, "1531420619", body, SLACK_SIGNATURE)).isFalse();
        assertThat(ChatFormats.slackSignatureMatches(SLACK_SECRET, SLACK_TIMESTAMP,
                (SLACK_BODY + "x").getBytes(StandardCharsets.UTF_8), SLACK_SIGNATURE)).isFalse();
        assertThat(ChatFormats.slackSignatureMatches(SLACK_SECRET, SLACK_TIMESTAMP, body, null)).isFalse();
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesAway() {
        Instant now = Instant.ofEpochSecond(1_531_420_618L);
        assertThat(ChatFormats.isFresh("1531420618", now)).isTrue();
        assertThat(ChatFormats.isFresh("1531420318", now)).isTrue();
        assertThat(ChatFormats.isFresh("1531420317", now)).isFalse();
        assertThat(ChatFormats.isFresh("1531421218", now)).isFalse();
        assertThat(ChatFormats.isFresh(null, now)).isFalse();
        assertThat(ChatFormats.isFresh("yesterday", now)).isFalse();
    }

    @Test
    void readsFormsAsTheToolsEncodeThem() {
        assertThat(ChatFormats.form(SLACK_BODY.getBytes(StandardCharsets.UTF_8)))
                .containsEntry("command", "/webhook-collect").containsEntry("text", "")
                .containsEntry("user_name", "roadrunner");
        assertThat(ChatFormats.form("text=start+Payments%20outage&text=ignored&flag".getBytes(StandardCharsets.UTF_8)))
                .containsEntry("text", "start Payments outage").containsEntry("flag", "");
        assertThatThrownBy(() -> ChatFormats.form("text=%zz".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
    }

    @Test
    void readsSlacksMessageShortcut() {
        ChatFormats.MessageAction action = ChatFormats.messageAction("""
                {"type": "message_action", "callback_id": "start_incident",
                 "user": {"id": "U0ALICE", "name": "alice"}, "channel": {"id": "C0CHECKOUT", "name": "checkout"},
                 "message": {"text": "Checkout is down", "ts": "1581106210.000200"},
                 "response_url": "https://hooks.slack.com/app/T0001/1/x"}""");
        assertThat(action).isEqualTo(new ChatFormats.MessageAction("message_action", "start_incident", "U0ALICE",
                "alice", "C0CHECKOUT", "Checkout is down"));
        assertThat(action.isMessageShortcut()).isTrue();
        assertThatThrownBy(() -> ChatFormats.messageAction("[1]")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ChatFormats.messageAction(null)).isInstanceOf(ProblemException.class);
    }
}
