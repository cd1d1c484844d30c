package org.ncbgateway.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/** What a witness signs when it countersigns a node's seal (docs/message-log.md). */
@JsonPropertyOrder({"witness", "node", "sealedSeq", "sealedHash", "sealDigest", "witnessedAt"})
public record WitnessStatement(String witness, String node, long sealedSeq, String sealedHash, String sealDigest,
                               Instant witnessedAt) {

    public WitnessStatement {
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(sealedHash, "sealedHash");
        Objects.requireNonNull(sealDigest, "sealDigest");
        Objects.requireNonNull(witnessedAt, "witnessedAt");
    }

    public ChainHead head() {
        return new ChainHead(sealedSeq, java.util.HexFormat.of().parseHex(sealedHash));
    }

    public byte[] toJson() {
        return Statements.write(this);
    }

    public static WitnessStatement parse(byte[] json) throws IOException {
        return Statements.read(json, WitnessStatement.class);
    }
}
