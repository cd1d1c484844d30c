package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Verifies one log folder offline: chain, seals, countersignatures and every message's signatures. */
public final class LogVerifier {

    private final SignerCheck signers;
    private final MessageCheck messages;

    public LogVerifier(SignerCheck signers, MessageCheck messages) {
        this.signers = Objects.requireNonNull(signers, "signers");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public LogAudit verify(Path dir) throws IOException {
        String name = dir.toString();
        List<Finding> findings = new ArrayList<>();
        ChainWalk walk = new ChainWalk(name, findings::add);
        EntryChecks checks = new EntryChecks(name, findings::add, signers, messages, walk.hashes()::get);
        walk.walk(dir, checks);
        findings.sort(Comparator.comparingLong(Finding::seq));
        return new LogAudit(name, checks.node, walk.records(), walk.head(), checks.lastSealedSeq, checks.seals,
                checks.witnesses, checks.messagesChecked, findings, checks.timeline, checks.witnessed, walk.hashes());
    }
}
