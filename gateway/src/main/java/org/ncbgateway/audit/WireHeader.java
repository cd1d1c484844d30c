package org.ncbgateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.ncbgateway.json.StrictJson;

/**
 * Reads the routing header out of logged wire bytes without verifying them: for showing and replaying,
 * where the verdict on the signature is `ncb audit verify`'s.
 */
public final class WireHeader {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private WireHeader() {
    }

    public static Optional<JsonNode> read(byte[] wire) {
        if (wire.length == 0) {
            return Optional.empty();
        }
        try {
            CMSSignedData signed = new CMSSignedData(wire);
            if (signed.getSignedContent() == null) {
                return Optional.empty();
            }
            JsonNode header = JSON.readTree((byte[]) signed.getSignedContent().getContent()).path("header");
            return header.isObject() ? Optional.of(header) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
