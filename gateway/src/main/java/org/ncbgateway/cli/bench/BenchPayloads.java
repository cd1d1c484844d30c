package org.ncbgateway.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.ncbgateway.cli.demo.DemoPayloads;
import org.ncbgateway.json.StrictJson;

/**
 * The notices the benchmark sends, both issued by FR: the demo's wanted-person diffusion (about 2 KB), and
 * the same with a facial image of its subject as a 150 KB JPEG-sized blob, about 200 KB once in base64.
 * The image bytes are random (a photo compresses no better) and its SHA-256 is right, so every check runs.
 */
final class BenchPayloads {

    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final int PHOTO_BYTES = 150 * 1024;

    private final byte[] notice;
    private final byte[] photo;

    BenchPayloads(Instant now) {
        this.notice = new DemoPayloads(now).diffusion();
        this.photo = withPhoto(notice);
    }

    byte[] notice() {
        return notice;
    }

    byte[] photo() {
        return photo;
    }

    private static byte[] withPhoto(byte[] notice) {
        byte[] image = new byte[PHOTO_BYTES];
        new Random(42).nextBytes(image);
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(notice);
            ObjectNode subject = (ObjectNode) payload.withArray("subjects").get(0);
            subject.putArray("biometrics").addObject()
                    .put("type", "facial-image")
                    .put("mediaType", "image/jpeg")
                    .put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)))
                    .put("data", Base64.getEncoder().encodeToString(image));
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
