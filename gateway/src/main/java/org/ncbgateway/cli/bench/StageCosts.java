package org.ncbgateway.cli.bench;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogEvent;
import org.ncbgateway.audit.MessageLog;
import org.ncbgateway.crypto.MessageOpener;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;

/**
 * Each stage a notice goes through, measured alone on one thread with the federation's own keys and
 * payloads: validate, seal, broker (one persistent hop over TLS), open (every check of SPEC section 4
 * but payload validation, which is its own stage), log (one entry forced to disk). The sum of a stage's CPU
 * per message over the stages is what the pipeline cannot go below on one core.
 */
final class StageCosts {

    private final BenchPipeline pipeline;
    private final StageMeter meter;
    private final NanoClock clock;
    private final List<BenchReport.Stage> stages = new ArrayList<>();

    StageCosts(BenchPipeline pipeline, StageMeter meter, NanoClock clock) {
        this.pipeline = pipeline;
        this.meter = meter;
        this.clock = clock;
    }

    List<BenchReport.Stage> measure(BenchPayloads payloads, List<Integer> recipientCounts, Path work,
                                    StoreAndForward brokers, int brokerMessages) throws Exception {
        NoticeValidator validator = new NoticeValidator();
        stage("validate", "2 KB notice, schema and semantic rules", () -> valid(validator.validate(payloads.notice())));
        stage("validate", "200 KB photo notice", () -> valid(validator.validate(payloads.photo())));
        MessageSealer sealer = new MessageSealer(pipeline.sender().machinery().credentials());
        MessageOpener opener = NoticeWork.opener(pipeline.node(BenchFederationFolder.LIVE_RECIPIENTS.get(0)), clock);
        for (int count : recipientCounts) {
            List<X509Certificate> certificates = certificates(count);
            stage("seal", "2 KB notice, " + plural(count), () -> sealer.seal(header(count), payloads.notice(),
                    certificates));
            byte[] wire = sealer.seal(header(count), payloads.notice(), certificates);
            stage("open", "2 KB notice, " + plural(count), () -> opener.open(wire));
        }
        List<X509Certificate> one = certificates(1);
        byte[] photo = sealer.seal(header(1), payloads.photo(), one);
        stage("seal", "200 KB photo notice, 1 recipient", () -> sealer.seal(header(1), payloads.photo(), one));
        stage("open", "200 KB photo notice, 1 recipient", () -> opener.open(photo));
        byte[] notice = sealer.seal(header(1), payloads.notice(), one);
        try (MessageLog log = MessageLog.open(work.resolve("stage-log"), BenchFederationFolder.SENDER)) {
            stage("log", "sealed 2 KB notice, forced to disk", () -> log.append(LogEvent.of(
                    EntryType.SUBMITTED, UUID.randomUUID().toString(), "diffusion", "FR", notice)));
            stage("log", "sealed 200 KB photo notice, forced to disk", () -> log.append(LogEvent.of(
                    EntryType.SUBMITTED, UUID.randomUUID().toString(), "diffusion", "FR", photo)));
        }
        stages.add(broker(brokers, brokerMessages));
        return stages;
    }

    /** The crypto of one notice and its receipt ({@link NoticeWork}) on every core at once: the crypto ceiling. */
    StageMeter.Rate cryptoCeiling(NoticeWork work, int threads) throws Exception {
        return meter.measure("crypto ceiling: notice and receipt sealed and opened", threads, work::run);
    }

    private BenchReport.Stage broker(StoreAndForward brokers, int messages) throws Exception {
        brokers.seconds(2048, Math.min(messages, 100), 1);
        JitCompileTime.Span jit = JitCompileTime.start();
        ProcessCpu.Span cpu = ProcessCpu.start();
        double seconds = brokers.seconds(2048, messages, 1);
        return new BenchReport.Stage("broker", "2 KB, persistent, TLS bridge, consumed",
                messages / seconds, cpu.microsPer(messages), jit.millis());
    }

    private void stage(String name, String detail, StageMeter.Operation operation) throws Exception {
        StageMeter.Rate rate = meter.measure(name + ", " + detail, 1, operation);
        stages.add(new BenchReport.Stage(name, detail, rate.perSecond(), rate.cpuMicros(), rate.jitMillis()));
    }

    private List<X509Certificate> certificates(int count) throws PkiException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String code : pipeline.folder().recipients(count)) {
            certificates.add(Pem.certificate(pipeline.sender().machinery().directory().node(code).orElseThrow()
                    .encryptionCert(), "directory node " + code));
        }
        return certificates;
    }

    private MessageHeader header(int count) {
        Instant now = clock.instant();
        return new MessageHeader(UUID.randomUUID(), MessageKind.DIFFUSION, BenchFederationFolder.SENDER,
                pipeline.folder().recipients(count), List.of(), now, now.plus(Duration.ofDays(7)), null,
                Priority.NORMAL);
    }

    private static void valid(ValidationReport report) {
        if (!report.valid()) {
            throw new IllegalStateException("the benchmark payload turned invalid: " + report.errors());
        }
    }

    private static String plural(int count) {
        return count + (count == 1 ? " recipient" : " recipients");
    }
}
