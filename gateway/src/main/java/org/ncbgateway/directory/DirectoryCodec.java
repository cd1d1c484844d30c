package org.ncbgateway.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.ncbgateway.json.JsonPointers;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.pki.NodeCodes;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;

/** The directory's JSON form (SPEC section 6): strict reading with errors by JSON pointer, stable writing. */
public final class DirectoryCodec {

    private static final ObjectMapper MAPPER = StrictJson.mapper();
    private static final Pattern ENDPOINT = Pattern.compile("^[A-Za-z0-9.-]+:[0-9]{1,5}$");

    private DirectoryCodec() {
    }

    /** Pretty-printed UTF-8 JSON, fields in the order of the records. */
    public static byte[] encode(Directory directory) {
        try {
            return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(directory);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode directory version " + directory.version(), e);
        }
    }

    /** @param source names the input in errors (a file name, or "directory.p7s content") */
    public static Directory decode(byte[] json, String source) throws DirectoryException {
        Directory directory;
        try {
            directory = MAPPER.readValue(json, Directory.class);
        } catch (JsonProcessingException e) {
            throw malformed(source + ": " + JsonPointers.describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw malformed(source + ": not a directory (" + e.getMessage() + ")", e);
        }
        validate(directory, source);
        return directory;
    }

    private static void validate(Directory directory, String source) throws DirectoryException {
        require(directory.version() >= 1, source + ": /version: must be 1 or more");
        require(!directory.nodes().isEmpty(), source + ": /nodes: the directory lists no node");
        require(directory.validUntil().isAfter(directory.issuedAt()), source + ": /validUntil: not after issuedAt");
        require(directory.crl() != null, source + ": /crl: missing");
        parse(() -> Pem.crl(directory.crl(), source + ": /crl"));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < directory.nodes().size(); i++) {
            DirectoryNode node = directory.nodes().get(i);
            String at = source + ": /nodes/" + i;
            require(NodeCodes.isValid(node.code()), at + "/code: '" + node.code() + "' is not a node code");
            require(codes.add(node.code()), at + "/code: " + node.code() + " appears twice");
            require(node.endpoint() != null && ENDPOINT.matcher(node.endpoint()).matches(),
                    at + "/endpoint: '" + node.endpoint() + "' is not host:port");
            require(node.signingCert() != null, at + "/signingCert: missing");
            require(node.encryptionCert() != null, at + "/encryptionCert: missing");
            parse(() -> Pem.certificate(node.signingCert(), at + "/signingCert"));
            parse(() -> Pem.certificate(node.encryptionCert(), at + "/encryptionCert"));
        }
        for (int i = 0; i < directory.nodes().size(); i++) {
            DirectoryNode node = directory.nodes().get(i);
            require(node.hub() == null || codes.contains(node.hub()),
                    source + ": /nodes/" + i + "/hub: " + node.hub() + " is not in the directory");
            for (int l = 0; l < node.links().size(); l++) {
                require(codes.contains(node.links().get(l)), source + ": /nodes/" + i + "/links/" + l + ": "
                        + node.links().get(l) + " is not in the directory");
            }
        }
    }

    private interface PemParse {
        Object run() throws PkiException;
    }

    private static void parse(PemParse parse) throws DirectoryException {
        try {
            parse.run();
        } catch (PkiException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    private static void require(boolean condition, String message) throws DirectoryException {
        if (!condition) {
            throw malformed(message, null);
        }
    }

    private static DirectoryException malformed(String message, Throwable cause) {
        return new DirectoryException(DirectoryException.Reason.MALFORMED, message, cause);
    }
}
