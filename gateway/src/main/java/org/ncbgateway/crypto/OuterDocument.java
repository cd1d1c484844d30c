package org.ncbgateway.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Objects;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageHeader;

/**
 * The content of the outer SignedData (SPEC section 4): UTF-8 JSON {@code {"header": {...}, "payload":
 * "<base64 of the middle DER>"}}, read strictly (duplicate keys, unknown fields and trailing data refused).
 */
record OuterDocument(MessageHeader header, String payload) {

    private static final ObjectMapper JSON = StrictJson.mapper();

    OuterDocument {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
    }

    static OuterDocument of(MessageHeader header, byte[] middle) {
        return new OuterDocument(header, Base64.getEncoder().encodeToString(middle));
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("header cannot be written: " + e.getMessage(), e);
        }
    }

    static OuterDocument parse(byte[] json) throws LayerException {
        try {
            OuterDocument document = JSON.readValue(json, OuterDocument.class);
            if (document == null) {
                throw new LayerException("signed content is JSON null, expected {header, payload}");
            }
            return document;
        } catch (IOException | RuntimeException e) {
            throw new LayerException("signed content is not a valid {header, payload} document: "
                    + e.getMessage(), e);
        }
    }

    byte[] middle() throws LayerException {
        try {
            return Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new LayerException("payload is not base64: " + e.getMessage(), e);
        }
    }
}
