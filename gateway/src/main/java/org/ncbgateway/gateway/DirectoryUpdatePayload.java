package org.ncbgateway.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.ncbgateway.json.StrictJson;

/**
 * The payload of a {@code directory-update} ({@code schemas/directory-update.json}): the signed
 * directory as it left the root authority, base64, with its version for the reader's convenience.
 */
public final class DirectoryUpdatePayload {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private DirectoryUpdatePayload() {
    }

    /** @param id a secretariat id, {@code GS-YYYY-NNNNNN} */
    public static byte[] of(String id, Instant issuedAt, long directoryVersion, byte[] signedDirectory) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("kind", "directory-update");
        payload.put("schemaVersion", "1.0");
        payload.put("id", id);
        payload.put("issuedAt", issuedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        payload.put("directoryVersion", directoryVersion);
        payload.put("directory", Base64.getEncoder().encodeToString(signedDirectory));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
