package org.ncbgateway.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ncb bench pki}: certificate checks and directory verifications per second on one thread,
 * over a federation folder. A check of a certificate seen before skips the root signature (cached);
 * a first check pays it.
 */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = "Certificate trust checks and signed-directory verifications per second (one thread).")
public final class BenchPkiCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--federation", defaultValue = "certs-example", paramLabel = "DIR",
            description = "Federation folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--seconds", defaultValue = "3", description = "Measuring time per figure (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured warm-up per figure, seconds (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            measure(out, spec.commandLine().getErr());
            return 0;
        } catch (PkiException | IOException e) {
            spec.commandLine().getErr().println("ncb bench pki: " + e.getMessage());
            return 1;
        }
    }

    private void measure(PrintWriter out, PrintWriter progress) throws PkiException, IOException {
        FederationLayout layout = new FederationLayout(dir);
        X509Certificate root = Pem.certificate(layout.rootCertificate());
        X509CRL crl = Pem.crl(layout.crl());
        byte[] directory = Files.readAllBytes(layout.directorySigned());
        X509Certificate ec = Pem.certificate(NodeKeyStore.certificate(layout.node("FR"), KeyPurpose.SIGNING));
        X509Certificate rsa = Pem.certificate(NodeKeyStore.certificate(layout.node("DE"), KeyPurpose.SIGNING));
        Throughput meter = new Throughput(Duration.ofMillis((long) (warmupSeconds * 1000)),
                Duration.ofMillis((long) (seconds * 1000)), progress);
        FederationTrust trust = new FederationTrust(root, crl);
        DirectoryVerifier verifier = new DirectoryVerifier(root);
        out.printf("ncb bench pki: %s, one thread, %s s per figure, Java %s, load average %.1f on %d cores%n",
                dir, seconds, Runtime.version(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.printf("%-44s %12s %12s%n", "operation", "ops/s", "ops/cpu-s");
        report(out, "trust check, FR (EC) signing cert, cached", meter.run("cached EC",
                () -> trust.check(ec, KeyPurpose.SIGNING, Instant.now())));
        report(out, "trust check, DE (RSA) signing cert, cached", meter.run("cached RSA",
                () -> trust.check(rsa, KeyPurpose.SIGNING, Instant.now())));
        report(out, "trust check, first sight (root signature)", meter.run("first sight",
                () -> new FederationTrust(root, crl).check(ec, KeyPurpose.SIGNING, Instant.now())));
        report(out, "directory verify (" + directory.length + " bytes)", meter.run("directory",
                () -> verify(verifier, directory)));
        out.flush();
    }

    private static void verify(DirectoryVerifier verifier, byte[] directory) throws DirectoryException {
        verifier.verify(directory, OptionalLong.empty(), Instant.now());
    }

    private static void report(PrintWriter out, String label, Throughput.Rate rate) {
        out.printf("%-44s %12.0f %12.0f%n", label, rate.perSecond(), rate.perCpuSecond());
        out.flush();
    }
}
