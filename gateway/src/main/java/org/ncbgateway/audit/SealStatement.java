package org.ncbgateway.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/** What a node signs when it seals its log: the chain head, which node, when (docs/message-log.md). */
@JsonPropertyOrder({"node", "sealedSeq", "sealedHash", "sealedAt"})
public record SealStatement(String node, long sealedSeq, String sealedHash, Instant sealedAt) {

    public SealStatement {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(sealedHash, "sealedHash");
        Objects.requireNonNull(sealedAt, "sealedAt");
    }

    public static SealStatement of(String node, ChainHead head, Instant at) {
        return new SealStatement(node, head.seq(), head.hashHex(), at);
    }

    public ChainHead head() {
        return new ChainHead(sealedSeq, java.util.HexFormat.of().parseHex(sealedHash));
    }

    public byte[] toJson() {
        return Statements.write(this);
    }

    public static SealStatement parse(byte[] json) throws IOException {
        return Statements.read(json, SealStatement.class);
    }
}
