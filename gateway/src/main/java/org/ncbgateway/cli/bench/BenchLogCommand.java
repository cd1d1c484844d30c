package org.ncbgateway.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Clock;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogAudit;
import org.ncbgateway.audit.LogEvent;
import org.ncbgateway.audit.LogSealer;
import org.ncbgateway.audit.LogVerifier;
import org.ncbgateway.audit.MessageLog;
import org.ncbgateway.audit.RootOnlyTrust;
import org.ncbgateway.audit.SignerCheck;
import org.ncbgateway.audit.StatementSigner;
import org.ncbgateway.audit.TrustedSigners;
import org.ncbgateway.audit.WireMessageCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ncb bench log}: appends per second to a durable message log (every append forced to disk, group
 * commit across threads) for 2 KB and 200 KB messages, then verification speed in entries per second.
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Message log: durable appends per second (2 KB and 200 KB wire messages) and verification "
                + "entries per second (chain, seals and each message's CMS signature).")
public final class BenchLogCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "4000", description = "2 KB appends (default: ${DEFAULT-VALUE}); 200 KB: a tenth")
    int count;

    @Option(names = "--threads", defaultValue = "8", description = "appending threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write the logs, kept "
            + "(default: a temporary folder, deleted after a run that succeeded)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunFolder folder = dir == null ? RunFolder.create(Optional.empty(), "ncb-bench-log-") : RunFolder.keep(dir);
        Path base = folder.path();
        BenchSigner signer = BenchSigner.create("FR");
        out.printf("ncb bench log: %d thread(s), every append fsync'd before it returns, cores=%d%n", threads,
                Runtime.getRuntime().availableProcessors());
        Path small = base.resolve("log-2k");
        appends(out, small, signer, 2 * 1024, count, 1);
        appends(out, base.resolve("log-2k-threads"), signer, 2 * 1024, count, threads);
        appends(out, base.resolve("log-200k"), signer, 200 * 1024, Math.max(1, count / 10), threads);
        verify(out, small, signer);
        out.flush();
        folder.succeeded();
        return 0;
    }

    private void appends(PrintWriter out, Path logDir, BenchSigner signer, int size, int n, int threadCount)
            throws Exception {
        List<String> ids = new ArrayList<>();
        List<byte[]> wires = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(UUID.randomUUID().toString());
            wires.add(signer.wire(ids.get(i), size, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try (MessageLog log = MessageLog.open(logDir, "FR")) {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                int share = n / threadCount + (t < n % threadCount ? 1 : 0);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        log.append(LogEvent.of(EntryType.RECEIVED, ids.get(i % ids.size()), "diffusion", "DE",
                                wires.get(i % wires.size())));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            new LogSealer(log, signer.statementSigner(), null, Clock.systemUTC()).seal();
            out.printf("append %6s x %d, %d thread(s): %.0f appends/s (%.1f MB/s)%n", size / 1024 + " KB", n,
                    threadCount, n / seconds, n * (double) size / seconds / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void verify(PrintWriter out, Path logDir, BenchSigner signer) throws IOException {
        SignerCheck signers = signer.signerCheck();
        LogVerifier verifier = new LogVerifier(signers, new WireMessageCheck(signer.trust()));
        verifier.verify(logDir);
        long start = System.nanoTime();
        LogAudit audit = verifier.verify(logDir);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!audit.findings().isEmpty()) {
            throw new IllegalStateException("bench log does not verify: " + audit.findings().get(0).describe());
        }
        out.printf("verify (chain, seal, each message's signature and certificate): %d entries in %.2f s, "
                + "%.0f entries/s%n", audit.entries(), seconds, audit.entries() / seconds);
    }

    /** A throwaway self-issued signing identity, so that the bench verifies real CMS signatures. */
    private record BenchSigner(StatementSigner statementSigner, RootOnlyTrust trust) {

        SignerCheck signerCheck() {
            return TrustedSigners.under(trust);
        }


        static BenchSigner create(String node) throws Exception {
            BenchIdentity identity = BenchIdentity.create(node);
            return new BenchSigner(new StatementSigner(node, identity.key(), identity.certificate()),
                    new RootOnlyTrust(identity.certificate()));
        }

        byte[] wire(String messageId, int size, int variant) {
            byte[] payload = new byte[size];
            new Random(variant).nextBytes(payload);
            String json = "{\"header\":{\"messageId\":\"" + messageId + "\",\"kind\":\"diffusion\","
                    + "\"from\":\"FR\",\"to\":[\"DE\"],\"sentAt\":\"2026-01-01T00:00:00Z\","
                    + "\"expiresAt\":\"2036-01-01T00:00:00Z\",\"priority\":\"normal\"},\"payload\":\""
                    + java.util.Base64.getEncoder().encodeToString(payload) + "\"}";
            return statementSigner.sign(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
