package org.learninglog.query.view;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.sample.SampleHistory;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views' stored documents, byte for byte, for a fixed history: a change to how a view is
 * written (a typed document, a renamed field, a changed order or null) that would leave existing
 * generations unreadable or different from a rebuild shows here as a changed digest. Event
 * identifiers are random, but no view stores them. If a view's shape changes on purpose, the
 * README tells operators to rebuild it, and the digest here is updated with it.
 */
@ExtendWith(MongoStoreExtension.class)
class StoredShapeTest {

    private static final Map<String, ViewDigest.Digest> PINNED = Map.of(
            "journey", new ViewDigest.Digest(421, "59204478c9442cdfdd998c80e69817259422fcca04e7c032fc60001db64be8f6"),
            "programme-timeline", new ViewDigest.Digest(937, "e10afe992edcde9a7d8943ea79cf2709ce3d3864cff120d2a3c931fc384f7a61"),
            "learning-flow", new ViewDigest.Digest(46, "da3d266134ac14539386ce3006dbfa0eb1c8cc0554dc500b133b94372aa5467d"),
            "search", new ViewDigest.Digest(502, "1b6af0bf488df5c0b5e32c4d3c55b16b008be2d4c0fe7e9dd17136f2f778b190"),
            "synthesis-report", new ViewDigest.Digest(221, "5f67abea1b381af225ba0108244085f0042d9fd10c292c87ac3707b6be352e4c"),
            "place-timeline", new ViewDigest.Digest(189, "01eda37aa3776d5d2f24bb178c9beda4f280f71941e45676ccd1ef8fa9d0cdb4"));

    @Test
    void every_view_writes_the_same_documents_for_the_same_history_as_it_always_has(MongoStore store) {
        ViewFixture fixture = new ViewFixture(store);
        fixture.append(SampleHistory.demo("demo"));
        fixture.append(SampleHistory.generated(7, "gen", 6, 400, Instant.parse("2024-01-01T00:00:00Z")));
        List<ViewEvent> events = fixture.stored();
        assertThat(ViewFixture.PROJECTIONS).extracting(Projection::name).containsExactlyInAnyOrderElementsOf(PINNED.keySet());
        for (Projection projection : ViewFixture.PROJECTIONS) {
            String collection = "pinned_" + projection.name().replace('-', '_');
            ViewFixture.applyLive(projection, fixture.collection(collection), events);
            assertThat(ViewDigest.of(fixture.collection(collection))).as(projection.name()).isEqualTo(PINNED.get(projection.name()));
        }
    }
}
