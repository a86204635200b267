package dev.commandcenter.playbook.mapping;

import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.playbook.model.Playbook;
import dev.commandcenter.playbook.rest.CreatePlaybookRequest;
import dev.commandcenter.playbook.rest.PlaybookResponse;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Requests to entities, entities to responses and to the state every playbook event carries. */
public final class PlaybookMapper {
    public static final String DEFAULT_STAGE = "Default Stage";

    private PlaybookMapper() {
    }

    public static Playbook newPlaybook(CreatePlaybookRequest request, String creator, Instant now) {
        Playbook playbook = new Playbook();
        playbook.id = UUID.randomUUID();
        playbook.teamId = request.teamId();
        playbook.title = request.title().strip();
        playbook.description = Objects.requireNonNullElse(request.description(), "");
        playbook.publicChannel = request.publicChannel() == null || request.publicChannel();
        playbook.stages = request.stages() == null || request.stages().isEmpty()
                ? List.of(new PlaybookState.Stage(DEFAULT_STAGE, List.of()))
                : request.stages().stream().map(PlaybookMapper::stage).toList();
        playbook.memberIds.add(creator);
        playbook.createdBy = creator;
        playbook.createdAt = now;
        playbook.updatedAt = now;
        return playbook;
    }

    private static PlaybookState.Stage stage(CreatePlaybookRequest.Stage stage) {
        List<PlaybookState.Step> steps = stage.steps() == null ? List.of() : stage.steps().stream()
                .map(s -> new PlaybookState.Step(s.title().strip(), s.description(), s.slashCommand()))
                .toList();
        return new PlaybookState.Stage(stage.title().strip(), steps);
    }

    public static PlaybookState state(Playbook playbook) {
        return new PlaybookState(playbook.id.toString(), playbook.teamId, playbook.title, playbook.description,
                playbook.publicChannel, List.copyOf(playbook.memberIds), playbook.stages, playbook.deletedAt != null,
                playbook.version, playbook.createdBy, playbook.createdAt, playbook.updatedAt);
    }

    public static PlaybookResponse response(Playbook playbook) {
        return new PlaybookResponse(playbook.id, playbook.teamId, playbook.title, playbook.description,
                playbook.publicChannel, List.copyOf(playbook.memberIds), playbook.stages, playbook.createdBy,
                playbook.createdAt, playbook.updatedAt, playbook.version);
    }
}
