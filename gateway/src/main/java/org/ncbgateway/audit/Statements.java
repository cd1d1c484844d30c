package org.ncbgateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.ncbgateway.json.StrictJson;

/** JSON of the signed seal and witness statements: strict on reading, since they come from other nodes. */
final class Statements {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private Statements() {
    }

    static byte[] write(Object statement) {
        try {
            return JSON.writeValueAsBytes(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statement not serialisable", e);
        }
    }

    static <T> T read(byte[] json, Class<T> type) throws IOException {
        try {
            return JSON.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
