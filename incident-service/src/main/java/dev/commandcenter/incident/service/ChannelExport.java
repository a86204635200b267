package dev.commandcenter.incident.service;

import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.repository.ChannelMessageRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The incident channel as RFC 4180 CSV, system messages included, read and written a page at a
 * time so that a channel of any length streams in constant memory. Attachments are never
 * exported; the last column says so for every message.
 */
@ApplicationScoped
public class ChannelExport {
    static final int PAGE = 500;
    static final String[] HEADER = {"seq", "time", "kind", "author", "text", "attachments"};

    private final ChannelMessageRepository messages;

    public ChannelExport(ChannelMessageRepository messages) {
        this.messages = messages;
    }

    public Multi<String> csv(UUID incidentId) {
        AtomicLong cursor = new AtomicLong();
        Multi<String> rows = Multi.createBy().repeating()
                .uni(() -> Panache.withSession(() -> messages.page(incidentId, cursor.get(), PAGE))
                        .invoke(page -> {
                            if (!page.isEmpty()) {
                                cursor.set(page.get(page.size() - 1).seq);
                            }
                        }))
                .whilst(page -> page.size() == PAGE)
                .filter(page -> !page.isEmpty())
                .map(page -> format(page, false));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(format(List.of(), true)), rows);
    }

    private static String format(List<ChannelMessage> page, boolean header) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            if (header) {
                printer.printRecord((Object[]) HEADER);
            }
            for (ChannelMessage m : page) {
                printer.printRecord(m.seq, m.createdAt, m.kind.name().toLowerCase(java.util.Locale.ROOT), m.authorId,
                        m.text, "none (attachments are not exported)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
