package org.ncbgateway.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;

/** The content checks of each intact entry: meta rules, seals, countersignatures, message signatures. */
final class EntryChecks implements ChainWalk.EntryHandler {

    private final String log;
    private final Consumer<Finding> findings;
    private final SignerCheck signers;
    private final MessageCheck messages;
    private final LongFunction<byte[]> hashOf;
    private final Map<Long, String> sealDigests = new HashMap<>();
    final List<TimelineEntry> timeline = new ArrayList<>();
    final List<WitnessedHead> witnessed = new ArrayList<>();
    String node;
    long lastSealedSeq;
    int seals;
    int witnesses;
    int messagesChecked;

    EntryChecks(String log, Consumer<Finding> findings, SignerCheck signers, MessageCheck messages,
                LongFunction<byte[]> hashOf) {
        this.log = log;
        this.findings = findings;
        this.signers = signers;
        this.messages = messages;
        this.hashOf = hashOf;
    }

    @Override
    public void entry(LogEntry entry) {
        EntryMeta meta = entry.meta();
        if (node == null) {
            node = meta.node();
        } else if (!node.equals(meta.node())) {
            bad(entry, FindingCode.ENTRY_MALFORMED, "entry names another node than the log's", node, meta.node());
        }
        timeline.add(new TimelineEntry(log, entry.seq(), entry.place(), meta));
        switch (meta.type()) {
            case SEAL -> seal(entry);
            case WITNESS -> witness(entry);
            case WITNESSED -> witnessed(entry);
            case RECOVERED -> { }
            default -> message(entry);
        }
    }

    private void message(LogEntry entry) {
        if (entry.meta().messageId() == null) {
            bad(entry, FindingCode.ENTRY_MALFORMED, "a message event without messageId", "messageId", "absent");
            return;
        }
        if (entry.data().length == 0 || refusedForItsOuterLayer(entry.meta())) {
            return;
        }
        messagesChecked++;
        Optional<String> problem = messages.problem(entry.meta(), entry.data());
        problem.ifPresent(why -> bad(entry, FindingCode.MESSAGE_INVALID, "message " + entry.meta().messageId()
                + " (" + entry.meta().type() + ") does not verify as at " + entry.meta().time() + ": " + why,
                "valid", why.split(" ", 2)[0]));
    }

    /** A message the node refused before authenticating it: its outer layer is expected not to verify. */
    private static boolean refusedForItsOuterLayer(EntryMeta meta) {
        return meta.type() == EntryType.REJECTED && Arrays.stream(ReasonCode.values())
                .anyMatch(code -> !code.answeredWithReceipt() && code.name().equals(meta.reasonCode()));
    }

    private void seal(LogEntry entry) {
        seals++;
        SealStatement statement;
        SignedStatement signed;
        try {
            signed = SignedStatement.verify(entry.data());
            statement = SealStatement.parse(signed.content());
        } catch (SignedStatement.InvalidStatementException | IOException e) {
            bad(entry, FindingCode.SEAL_INVALID, "seal does not verify: " + e.getMessage(), "valid", "invalid");
            return;
        }
        String chainHash = entry.prevHashHex();
        if (statement.sealedSeq() != entry.seq() - 1 || !statement.sealedHash().equals(chainHash)
                || !statement.sealedHash().equals(entry.meta().sealedHash())) {
            bad(entry, FindingCode.SEAL_MISMATCH, "seal does not seal the entry before it",
                    (entry.seq() - 1) + ":" + chainHash, statement.sealedSeq() + ":" + statement.sealedHash());
            return;
        }
        if (checkSigner(entry, signed, statement.node(), statement.sealedAt(), FindingCode.SEAL_INVALID, "seal")) {
            sealDigests.put(statement.sealedSeq(), HexFormat.of().formatHex(LogFormat.sha256(entry.data())));
            lastSealedSeq = entry.seq();
        }
    }

    private void witness(LogEntry entry) {
        witnesses++;
        Optional<WitnessStatement> statement = countersignature(entry, entry.meta().peer());
        if (statement.isEmpty()) {
            return;
        }
        WitnessStatement s = statement.get();
        byte[] chain = hashOf.apply(s.sealedSeq());
        if (!s.node().equals(node) || chain == null || !Arrays.equals(chain, s.head().hash())) {
            bad(entry, FindingCode.WITNESS_INVALID, "countersignature of " + s.witness()
                    + " does not match this log's chain", node + ":" + s.sealedSeq() + ":"
                    + (chain == null ? "absent" : HexFormat.of().formatHex(chain)), s.node() + ":" + s.sealedSeq()
                    + ":" + s.sealedHash());
        } else if (!s.sealDigest().equals(sealDigests.get(s.sealedSeq()))) {
            bad(entry, FindingCode.WITNESS_INVALID, "countersignature of " + s.witness() + " is for another seal "
                    + "of seq " + s.sealedSeq(), sealDigests.get(s.sealedSeq()), s.sealDigest());
        }
    }

    private void witnessed(LogEntry entry) {
        countersignature(entry, node).ifPresent(s -> witnessed.add(new WitnessedHead(s.witness(), s.node(), s.head(),
                new TimelineEntry(log, entry.seq(), entry.place(), entry.meta()))));
    }

    private Optional<WitnessStatement> countersignature(LogEntry entry, String expectedWitness) {
        try {
            SignedStatement signed = SignedStatement.verify(entry.data());
            WitnessStatement statement = WitnessStatement.parse(signed.content());
            if (!statement.witness().equals(expectedWitness)) {
                bad(entry, FindingCode.WITNESS_INVALID, "countersignature names another witness", expectedWitness,
                        statement.witness());
                return Optional.empty();
            }
            boolean trusted = checkSigner(entry, signed, statement.witness(), statement.witnessedAt(),
                    FindingCode.WITNESS_INVALID, "countersignature");
            return trusted ? Optional.of(statement) : Optional.empty();
        } catch (SignedStatement.InvalidStatementException | IOException e) {
            bad(entry, FindingCode.WITNESS_INVALID, "countersignature does not verify: " + e.getMessage(), "valid",
                    "invalid");
            return Optional.empty();
        }
    }

    private boolean checkSigner(LogEntry entry, SignedStatement signed, String claimed, java.time.Instant at,
                                FindingCode code, String what) {
        try {
            String signer = signers.trustedNode(signed.signer(), at);
            if (!signer.equals(claimed)) {
                bad(entry, code, what + " of " + claimed + " is signed by node " + signer, claimed, signer);
                return false;
            }
            return true;
        } catch (RejectedException e) {
            bad(entry, code, what + " signer not trusted at " + at + ": " + e.code() + " " + e.detail(), "trusted",
                    e.code().name());
            return false;
        }
    }

    private void bad(LogEntry entry, FindingCode code, String why, String expected, String actual) {
        findings.accept(Finding.at(log, entry, code, why, expected, actual));
    }
}
