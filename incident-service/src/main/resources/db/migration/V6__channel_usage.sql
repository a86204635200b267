-- How much members have posted in each incident's channel, counted as they post, so the channel's
-- bound (incident.limits.channel.*) is checked in one statement without counting messages. The
-- platform's own messages (bot, system) are not counted.
CREATE TABLE channel_usage (
    incident_id UUID    PRIMARY KEY REFERENCES incident (id),
    messages    INTEGER NOT NULL,
    bytes       BIGINT  NOT NULL
);
INSERT INTO channel_usage (incident_id, messages, bytes)
SELECT incident_id, count(*), sum(octet_length(text))
FROM channel_message
WHERE kind = 'USER'
GROUP BY incident_id;
