package org.ncbgateway.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.PkiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a received {@code directory-update} (opened like any message, so authentic from {@code GS}):
 * the directory it carries must itself be signed by the federation root and newer than the one in
 * force. A refused one is rejected with the verifier's reason and the node keeps its directory.
 */
public final class DirectoryUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryUpdates.class);
    private static final ObjectMapper JSON = StrictJson.mapper();

    private final String self;
    private final LiveDirectory live;
    private final Clock clock;

    public DirectoryUpdates(String self, LiveDirectory live, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.live = Objects.requireNonNull(live, "live");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws RejectedException {@code SEMANTIC_INVALID} naming why the carried directory is refused
     *         (not signed by the root, not newer, expired, malformed)
     */
    public Received apply(Received received) throws RejectedException, IOException {
        MessageHeader header = received.header();
        LogContext.enter(self, header.messageId());
        long before = live.directory().version();
        try {
            JsonNode payload = JSON.readTree(received.opened().payload());
            byte[] signed = Base64.getDecoder().decode(payload.path("directory").asText());
            Directory applied = live.apply(signed, clock.instant());
            LOG.info("event=directory-applied from={} version={} previousVersion={}", header.from(),
                    applied.version(), before);
            return received;
        } catch (DirectoryException e) {
            throw refused(header, before, e.reason().name(), e);
        } catch (PkiException | IllegalArgumentException e) {
            throw refused(header, before, "MALFORMED", e);
        }
    }

    private static RejectedException refused(MessageHeader header, long before, String reason, Exception e) {
        LOG.warn("event=directory-refused from={} versionInForce={} reason={} detail=\"{}\"", header.from(), before,
                reason, e.getMessage());
        return new RejectedException(ReasonCode.SEMANTIC_INVALID, "/directory: refused (" + reason + "), version "
                + before + " stays in force: " + e.getMessage(), header, e);
    }
}
