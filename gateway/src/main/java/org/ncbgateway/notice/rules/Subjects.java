package org.ncbgateway.notice.rules;

import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/** Visits the persons of a payload and their documents with the JSON Pointer of each. */
final class Subjects {

    private Subjects() {
    }

    static void forEachSubject(JsonNode payload, BiConsumer<JsonNode, String> visitor) {
        JsonNode subjects = payload.path("subjects");
        for (int i = 0; i < subjects.size(); i++) {
            visitor.accept(subjects.get(i), "/subjects/" + i);
        }
    }

    /** The visitor receives the document, the person carrying it and the document's pointer. */
    static void forEachDocument(JsonNode payload, DocumentVisitor visitor) {
        forEachSubject(payload, (person, at) -> {
            JsonNode documents = person.path("documents");
            for (int j = 0; j < documents.size(); j++) {
                visitor.visit(documents.get(j), person, at + "/documents/" + j);
            }
        });
    }

    @FunctionalInterface
    interface DocumentVisitor {
        void visit(JsonNode document, JsonNode person, String pointer);
    }
}
