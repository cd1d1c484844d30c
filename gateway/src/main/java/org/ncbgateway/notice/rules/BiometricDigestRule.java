package org.ncbgateway.notice.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.ValidationError;
import tools.jackson.databind.JsonNode;

/** A biometric's {@code data}, when present, is strict base64 whose SHA-256 is its {@code sha256}. */
public final class BiometricDigestRule implements SemanticRule {

    public static final String RULE_DIGEST = "biometric-sha256";
    public static final String RULE_BASE64 = "biometric-base64";

    @Override
    public void check(JsonNode payload, MessageKind kind, List<ValidationError> errors) {
        Subjects.forEachSubject(payload, (person, at) -> {
            JsonNode biometrics = person.path("biometrics");
            for (int i = 0; i < biometrics.size(); i++) {
                checkOne(biometrics.get(i), at + "/biometrics/" + i, errors);
            }
        });
    }

    private static void checkOne(JsonNode biometric, String at, List<ValidationError> errors) {
        JsonNode data = biometric.path("data");
        if (!data.isString()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.stringValue());
        } catch (IllegalArgumentException e) {
            errors.add(SemanticRule.violation(at + "/data", "is not valid base64: " + e.getMessage(), RULE_BASE64));
            return;
        }
        String actual = HexFormat.of().formatHex(sha256(bytes));
        String declared = biometric.path("sha256").stringValue();
        if (!actual.equals(declared)) {
            errors.add(SemanticRule.violation(at + "/sha256",
                    "does not match the data: declared " + declared + ", data hashes to " + actual, RULE_DIGEST));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
