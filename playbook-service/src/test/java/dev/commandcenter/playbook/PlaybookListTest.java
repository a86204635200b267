package dev.commandcenter.playbook;

import static dev.commandcenter.playbook.Api.PLAYBOOKS;
import static dev.commandcenter.playbook.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookListTest {

    @Test
    void pagesFollowTheSortOrderAndStayStableWhenPlaybooksAreAddedMeanwhile() {
        String tag = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> titles = List.of("Echo", "alpha", "Delta", "bravo", "Charlie");
        for (String title : titles) {
            Api.create("alice", "blank", tag + " " + title);
        }

        List<String> byTitle = new ArrayList<>();
        JsonPath page = page(tag, "title", null, 2);
        byTitle.addAll(page.getList("items.title"));
        Api.create("alice", "blank", tag + " aardvark");
        Api.create("alice", "blank", tag + " zulu");
        while (page.getString("next") != null) {
            page = page(tag, "title", page.getString("next"), 2);
            byTitle.addAll(page.getList("items.title"));
        }
        assertThat(byTitle).containsExactly(tag + " alpha", tag + " bravo", tag + " Charlie", tag + " Delta",
                tag + " Echo", tag + " zulu");

        List<String> newestFirst = new ArrayList<>();
        page = page(tag, "created", null, 3);
        newestFirst.addAll(page.getList("items.title"));
        page = page(tag, "created", page.getString("next"), 3);
        newestFirst.addAll(page.getList("items.title"));
        assertThat(newestFirst).containsExactly(tag + " zulu", tag + " aardvark", tag + " Charlie", tag + " bravo",
                tag + " Delta", tag + " alpha");
        page = page(tag, "created", page.getString("next"), 3);
        assertThat(page.getList("items.title")).containsExactly(tag + " Echo");
        assertThat(page.getString("next")).isNull();
    }

    @Test
    void recentlyUpdatedComeFirstAndSearchIsCaseInsensitive() {
        String tag = "up-" + UUID.randomUUID().toString().substring(0, 8);
        String first = Api.create("alice", "blank", tag + " first").path("id");
        Api.create("alice", "blank", tag + " second");
        as("alice").body(Map.of("title", "More")).post(PLAYBOOKS + "/" + first + "/stages").then().statusCode(200);

        assertThat(page(tag.toUpperCase(), "updated", null, 10).getList("items.title"))
                .containsExactly(tag + " first", tag + " second");
        as("alice").queryParam("teamId", "payments").queryParam("q", tag + " sec").get(PLAYBOOKS)
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].stageCount", equalTo(1)).body("items[0].memberCount", equalTo(1));
        as("alice").queryParam("teamId", "payments").queryParam("q", "%").get(PLAYBOOKS).then().statusCode(200);
    }

    @Test
    void badListParametersAreClearProblems() {
        Api.create("alice", "blank", "Cursor one");
        Api.create("alice", "blank", "Cursor two");
        String next = page("", "created", null, 1).getString("next");
        as("alice").queryParam("teamId", "payments").queryParam("sort", "title").queryParam("after", next)
                .get(PLAYBOOKS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        as("alice").queryParam("teamId", "payments").queryParam("after", "garbage!").get(PLAYBOOKS)
                .then().statusCode(400).body("errors.field", hasItem("after"));
        as("alice").queryParam("teamId", "payments").queryParam("sort", "random").get(PLAYBOOKS)
                .then().statusCode(400).contentType("application/problem+json");
        as("alice").queryParam("teamId", "payments").queryParam("limit", 0).get(PLAYBOOKS).then().statusCode(400);
        as("alice").get(PLAYBOOKS).then().statusCode(400).contentType("application/problem+json");
    }

    private static JsonPath page(String search, String sort, String after, int limit) {
        var request = as("alice").queryParam("teamId", "payments").queryParam("q", search).queryParam("sort", sort)
                .queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.get(PLAYBOOKS).then().statusCode(200).extract().jsonPath();
    }
}
