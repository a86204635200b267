package dev.commandcenter.notifier.delivery;

import dev.commandcenter.notifier.config.ChannelsConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Sends a message as plain-text email through the configured SMTP server (quarkus-mailer). */
@ApplicationScoped
public class EmailSender {
    private final ReactiveMailer mailer;
    private final Duration timeout;

    public EmailSender(ReactiveMailer mailer, ChannelsConfig config) {
        this.mailer = mailer;
        this.timeout = config.deliveries().requestTimeout();
    }

    /** Sends; never fails: a refusal or an unreachable server becomes a failed {@link Outcome}. */
    public Uni<Outcome> send(List<String> addresses, Message message) {
        Mail mail = new Mail().setTo(addresses).setSubject(message.title()).setText(Formats.emailText(message));
        return mailer.send(mail).replaceWith(Outcome.delivered(null))
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout))
                .onFailure().recoverWithItem(failure -> Outcome.failed(null,
                        "SMTP: " + failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }
}
