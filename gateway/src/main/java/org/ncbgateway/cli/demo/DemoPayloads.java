package org.ncbgateway.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.ncbgateway.json.StrictJson;

/**
 * The payloads of the demo's story, from the templates in {@code demo/} on the classpath, dated now:
 * a foreign-fighter diffusion by FR, its update, a hit reported by DE, the cancellation; a second diffusion
 * by FR to the European region; a notice request by NL and a hit on the published notice by NG.
 * The subject is invented.
 */
public final class DemoPayloads {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private final Instant now;
    private final int year;

    public DemoPayloads(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.year = now.atZone(ZoneOffset.UTC).getYear();
    }

    String diffusionId() {
        return "FR-" + year + "-000123";
    }

    /** FR's diffusion, issued now, valid a year. */
    public byte[] diffusion() {
        ObjectNode diffusion = dated("diffusion.json", diffusionId());
        diffusion.put("validUntil", now.atZone(ZoneOffset.UTC).toLocalDate().plusYears(1).toString());
        return bytes(diffusion);
    }

    /** Full replacement, version 2: the subject was last seen crossing into Bulgaria. */
    byte[] update() {
        ObjectNode update = (ObjectNode) read(diffusion());
        update.put("kind", "update");
        update.put("version", 2);
        update.put("replaces", "diffusion");
        update.put("issuedAt", now.plusSeconds(1).toString());
        ObjectNode location = (ObjectNode) update.with("ftf").with("lastKnownLocation");
        location.put("country", "BGR");
        location.put("place", "Kapitan Andreevo border crossing");
        location.put("date", now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).toString());
        return bytes(update);
    }

    byte[] hit() {
        ObjectNode hit = dated("hit.json", "DE-" + year + "-000045");
        hit.put("noticeId", diffusionId());
        hit.put("encounteredAt", now.minus(20, ChronoUnit.MINUTES).toString());
        return bytes(hit);
    }

    byte[] cancellation() {
        ObjectNode cancellation = dated("cancellation.json", "FR-" + year + "-000124");
        cancellation.put("noticeId", diffusionId());
        return bytes(cancellation);
    }

    String regionDiffusionId() {
        return "FR-" + year + "-000125";
    }

    /** A second FR diffusion, an accomplice of the first subject, addressed to a region. */
    byte[] regionDiffusion() {
        ObjectNode diffusion = (ObjectNode) read(diffusion());
        diffusion.put("id", regionDiffusionId());
        return bytes(diffusion);
    }

    String noticeRequestId() {
        return "NL-" + year + "-000310";
    }

    /** NL asks the secretariat for a yellow notice (a missing adult), valid five years. */
    byte[] noticeRequest() {
        ObjectNode request = dated("notice-request.json", noticeRequestId());
        request.put("validUntil", now.atZone(ZoneOffset.UTC).toLocalDate().plusYears(5).toString());
        return bytes(request);
    }

    /** NG found the subject of the published notice. */
    byte[] hitOnNotice(String noticeId) {
        ObjectNode hit = dated("hit.json", "NG-" + year + "-000007");
        hit.put("noticeId", noticeId);
        hit.put("reportingBureau", "NG");
        hit.put("encounteredAt", now.minus(5, ChronoUnit.MINUTES).toString());
        ObjectNode place = hit.putObject("place");
        place.put("country", "NGA");
        place.put("place", "Lagos, Murtala Muhammed airport");
        hit.putArray("matchedOn").add("name");
        hit.put("actionTaken", "Subject located and safe; the requesting bureau is asked how to proceed.");
        hit.put("summary", "Subject identified at arrivals on a flight from Amsterdam.");
        return bytes(hit);
    }

    private ObjectNode dated(String template, String id) {
        ObjectNode payload = (ObjectNode) read(template(template));
        payload.put("id", id);
        payload.put("issuedAt", now.toString());
        return payload;
    }

    private static byte[] template(String name) {
        try (InputStream in = DemoPayloads.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo template " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode payload) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
