package dev.commandcenter.playbook.template;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookContent.CommunicationChannel;
import dev.commandcenter.contracts.PlaybookContent.LearningFlow;
import dev.commandcenter.contracts.PlaybookContent.LearningStatus;
import dev.commandcenter.contracts.PlaybookContent.LearningTask;
import dev.commandcenter.contracts.PlaybookContent.LearningTaskKind;
import dev.commandcenter.contracts.PlaybookContent.Role;
import dev.commandcenter.contracts.PlaybookContent.Severity;
import dev.commandcenter.contracts.PlaybookContent.Stage;
import dev.commandcenter.contracts.PlaybookContent.StatusPhase;
import dev.commandcenter.contracts.PlaybookContent.StatusTemplate;
import dev.commandcenter.contracts.PlaybookContent.Step;
import java.util.List;
import java.util.Optional;

/**
 * The built-in templates: blank, the Mattermost-style default, an Atlassian-style major-incident
 * playbook (roles, status templates and communication plan of "Get your 'Sheet' Together!") and
 * an Azure-DevOps-style service outage (assess, bridge channel with a scribe, work item).
 */
public final class PlaybookTemplates {
    public static final String BLANK = "blank";
    public static final String DEFAULT_STAGE = "Default Stage";

    /** Statuspage-style wording for each phase; editable per playbook. */
    public static final List<StatusTemplate> STATUS_TEMPLATES = List.of(
            new StatusTemplate(StatusPhase.INVESTIGATING, "We are currently investigating an issue affecting "
                    + "[service]. Some customers may experience [symptom]. We will post an update within "
                    + "[time]."),
            new StatusTemplate(StatusPhase.IDENTIFIED, "The issue has been identified and a fix is being "
                    + "implemented. [What happened, who is affected.]"),
            new StatusTemplate(StatusPhase.MONITORING, "A fix has been implemented and we are monitoring the "
                    + "results."),
            new StatusTemplate(StatusPhase.RESOLVED, "This incident has been resolved. [What customers should "
                    + "know, and what we will do to prevent it from happening again.]"));

    public static final List<Severity> SEVERITIES = List.of(
            new Severity("SEV1", "Critical", "A customer-facing service is down for all customers, data is lost "
                    + "or corrupted, or security is breached."),
            new Severity("SEV2", "Major", "Core functionality is down or badly degraded for a subset of customers."),
            new Severity("SEV3", "Minor", "A minor inconvenience to customers; a workaround is available."));

    public static final LearningFlow LEARNING_FLOW = new LearningFlow(List.of(
            new LearningStatus("Documenting", List.of(
                    new LearningTask(LearningTaskKind.WRITE_POSTMORTEM, "Write the post-mortem",
                            "Blameless: what happened, impact, timeline, contributing factors."),
                    new LearningTask(LearningTaskKind.UPDATE_TIMESTAMPS, "Update timestamps",
                            "Check when the incident started, was detected, mitigated and resolved."))),
            new LearningStatus("Reviewing", List.of(
                    new LearningTask(LearningTaskKind.SCHEDULE_REVIEW, "Schedule the incident review",
                            "Invite the responders and the owners of the affected services."),
                    new LearningTask(LearningTaskKind.CREATE_FOLLOW_UPS, "Create follow-up actions",
                            "One owner and a due date per action, so the same incident never happens twice.")))),
            List.of("SEV1", "SEV2"), true);

    private static final LearningFlow NO_LEARNING_FLOW = new LearningFlow(List.of(), List.of(), true);

    private static final List<PlaybookTemplate> ALL = List.of(blank(), mattermostDefault(), atlassianMajorIncident(),
            azureServiceOutage());

    private PlaybookTemplates() {
    }

    public static List<PlaybookTemplate> all() {
        return ALL;
    }

    public static Optional<PlaybookTemplate> find(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static PlaybookTemplate blank() {
        return new PlaybookTemplate(BLANK, "Blank", "One empty stage; build your own process.",
                new PlaybookContent("Untitled playbook", "", true, List.of(new Stage(null, DEFAULT_STAGE, List.of())),
                        List.of(), List.of(), null, List.of(), List.of(), List.of(), NO_LEARNING_FLOW, null));
    }

    private static PlaybookTemplate mattermostDefault() {
        return new PlaybookTemplate("incident-response", "Incident Response",
                "The default process: triage, investigate, resolve, learn. A commander leads it.",
                new PlaybookContent("Incident Response", "Our default process when production breaks.", true,
                        List.of(stage("Triage",
                                        step("Announce the incident in the team's channel", null, null),
                                        step("Add the on-call engineer to this channel",
                                                "Use **/invite** with their name, or run the command.", "/invite @oncall"),
                                        step("Assess the severity and the customer impact", null, null)),
                                stage("Investigate",
                                        step("Identify the cause", "Record findings in the channel as you go.", null),
                                        step("Record every decision in the channel", null, null)),
                                stage("Resolve",
                                        step("Apply and verify the fix", null, null),
                                        step("Tell stakeholders the incident is resolved", null, null)),
                                stage("Retrospective",
                                        step("Schedule the retrospective", null, null),
                                        step("Export the channel for the timeline", null, null))),
                        List.of(new Role("Commander", "Leads the response, keeps the checklist moving and ends the "
                                + "incident.", true)),
                        STATUS_TEMPLATES, 30, List.of(), List.of(), SEVERITIES, LEARNING_FLOW, null));
    }

    private static PlaybookTemplate atlassianMajorIncident() {
        return new PlaybookTemplate("major-incident", "Major incident (Atlassian-style)",
                "Roles and responsibilities, status-update templates and a communication plan for major incidents.",
                new PlaybookContent("Major incident", "How we respond when things go wrong.", false,
                        List.of(stage("Detect",
                                        step("Assess the severity (service and customer impact)", null, null),
                                        step("Escalate to the appropriate people on call", null, "/page oncall")),
                                stage("Respond",
                                        step("Determine the communication channels for internal and external comms",
                                                null, null),
                                        step("Post the first status update (Investigating)", null, null),
                                        step("Send comms early and often", null, null)),
                                stage("Recover",
                                        step("Track changes, decisions and fixes; confirm the final fix", null, null),
                                        step("Post the Resolved status update", null, null)),
                                stage("Learn",
                                        step("Hold a post-incident review meeting", null, null),
                                        step("Decide if a public post-mortem is needed", null, null))),
                        List.of(new Role("Major Incident Manager", """
                                        Assess the severity (service and customer impact).
                                        Escalate to the appropriate people on-call.
                                        Track changes, decisions, and fixes (and confirm final fix).
                                        Hold a post-incident review meeting.
                                        Decide if a public post-mortem is needed.""", true),
                                new Role("Communication Manager (internal)", COMMUNICATION_MANAGER, false),
                                new Role("Communication Manager (external)", COMMUNICATION_MANAGER, false),
                                new Role("Customer Support Lead", """
                                        Handle incoming support tickets, emails, phone calls, etc.
                                        Work with product, engineering, marketing, etc. to ensure accurate and \
                                        consistent comms.""", false),
                                new Role("Social Media Lead",
                                        "Work alongside support team to field questions on social media channels.",
                                        false),
                                new Role("Scribe", "Record the timeline, decisions and actions so the post-incident "
                                        + "review can rely on them.", false)),
                        STATUS_TEMPLATES, 30,
                        List.of(new CommunicationChannel("Statuspage", "Incidents with customer impact",
                                        "Communication Manager (external)", "Post each status update from the "
                                        + "templates; the login is in the team vault."),
                                new CommunicationChannel("Incident channel", "Every incident", "All responders",
                                        "Created with the incident; keep unrelated discussion out."),
                                new CommunicationChannel("Email to stakeholders", "SEV1 and SEV2 incidents",
                                        "Communication Manager (internal)", "Send to the stakeholders list at each "
                                        + "phase."),
                                new CommunicationChannel("Social media", "Incidents customers talk about publicly",
                                        "Social Media Lead", "Reply from the company account; link to Statuspage.")),
                        List.of("A customer-facing service is down for all or a subset of customers.",
                                "Data is lost or corrupted, or security is breached.",
                                "Performance is degraded beyond what we promised customers."),
                        SEVERITIES, LEARNING_FLOW, null));
    }

    private static PlaybookTemplate azureServiceOutage() {
        return new PlaybookTemplate("service-outage", "Service outage (Azure DevOps-style)",
                "Assess what you know, open a bridge channel with a scribe, track the incident in a work item.",
                new PlaybookContent("Service outage", "Track the outage from the moment we know about it.", true,
                        List.of(stage("Assess what you know",
                                        step("When did we first know about the problem?", null, null),
                                        step("How did we find out?", "Monitoring alert, customer complaints, "
                                                + "social media?", null),
                                        step("Who else is aware, and who needs to be notified?", null, null),
                                        step("Is anyone already acting on it?", null, null),
                                        step("How bad is it? Set the severity and who is affected", null, null)),
                                stage("Open the conversation bridge",
                                        step("Keep this channel strictly to this incident",
                                                "It is the record the post-incident review analyses.", null),
                                        step("Assign the scribe", null, null)),
                                stage("Track the incident",
                                        step("Create the work item for this incident", null,
                                                "/workitem create"),
                                        step("Link the work item and this channel to each other", null, null),
                                        step("Assign the work item to the engineers on call", null, null),
                                        step("Post a pointer to the work item in this channel", null, null))),
                        List.of(new Role("Incident commander", "Owns the response until the incident is resolved.",
                                        true),
                                new Role("Scribe", "Records the conversation and the timeline for the post-incident "
                                        + "review (essential on telephone bridges).", false),
                                new Role("On-call engineer", "Owns the work item and the technical response.", false)),
                        STATUS_TEMPLATES, 60,
                        List.of(new CommunicationChannel("Incident channel", "Every incident", "All responders",
                                        "A unique channel per incident, created with it."),
                                new CommunicationChannel("Work item", "Every incident", "Incident commander",
                                        "The authoritative record: status, owners, link to the channel."),
                                new CommunicationChannel("Telephone bridge", "When chat is unavailable", "Responders",
                                        "The scribe records what is said.")),
                        List.of(), SEVERITIES, LEARNING_FLOW, null));
    }

    private static final String COMMUNICATION_MANAGER = """
            Determine the communication channels you will use for internal and external comms.
            Draft external communications.
            Send comms early and often throughout the duration of the incident.
            Write post-mortem, if appropriate.""";

    private static Stage stage(String title, Step... steps) {
        return new Stage(null, title, List.of(steps));
    }

    private static Step step(String title, String description, String slashCommand) {
        return new Step(null, title, description, slashCommand);
    }
}
