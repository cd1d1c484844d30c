package org.ncbgateway.cli.bench;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryBuilder;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.DirectorySigner;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.directory.Region;
import org.ncbgateway.pki.AtomicFiles;
import org.ncbgateway.pki.CertificateTemplate;
import org.ncbgateway.pki.FederationAuthority;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.FederationSpec;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeSpec;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.RootAuthority;
import org.ncbgateway.pki.Validity;

/**
 * The federation the benchmark runs on, made at run time in a folder of the shape {@code ncb pki init}
 * writes. Five nodes run: the sender FR, DE with a direct link to it (as in the example federation), the
 * hub HUB-EUROPE and two bureaus behind it, BE and NL. Every other recipient is a bureau of another region
 * whose hub does not run: the message is sealed for it (its encryption certificate is in the signed
 * directory) and its copy waits at HUB-EUROPE for its hub, so a diffusion to 196 bureaus costs the sender
 * and every live receiver what it would in a full federation, without 196 brokers on two cores.
 */
final class BenchFederationFolder {

    static final String SENDER = "FR";
    static final String HUB = "HUB-EUROPE";
    /** The recipients that run, in the order a recipient list takes them: the direct link first. */
    static final List<String> LIVE_RECIPIENTS = List.of("DE", "BE", "NL");

    private static final int VALIDITY_DAYS = 30;
    private static final List<Region> ABSENT_REGIONS = List.of(Region.AFRICA, Region.AMERICAS, Region.ASIA,
            Region.MIDDLE_EAST);

    private final FederationLayout layout;
    private final List<String> absent;

    private BenchFederationFolder(FederationLayout layout, List<String> absent) {
        this.layout = layout;
        this.absent = absent;
    }

    /**
     * Writes a federation whose largest diffusion goes to {@code maxRecipients} bureaus. Nodes that do not
     * run get the endpoint {@code absentEndpoint} (host:port), which hangs up on every connection.
     */
    static BenchFederationFolder create(Path dir, int maxRecipients, String absentEndpoint, Instant now)
            throws Exception {
        FederationLayout layout = new FederationLayout(dir);
        FederationAuthority authority = FederationAuthority.create(layout, liveSpec(absentEndpoint), VALIDITY_DAYS,
                null, now);
        List<String> absent = absentCodes(Math.max(0, maxRecipients - LIVE_RECIPIENTS.size()));
        Directory live = DirectoryBuilder.build(layout, OptionalLong.of(1), Duration.ofDays(VALIDITY_DAYS), now);
        List<DirectoryNode> nodes = new ArrayList<>(live.nodes());
        Validity validity = Validity.days(now, VALIDITY_DAYS);
        for (Region region : ABSENT_REGIONS) {
            nodes.add(absentNode(authority.root(), validity, region.hubCode(), NodeRole.HUB, region, null,
                    absentEndpoint));
        }
        // a certificate costs a few milliseconds of signing: both cores share them
        nodes.addAll(IntStream.range(0, absent.size()).parallel().mapToObj(i -> {
            Region region = ABSENT_REGIONS.get(i % ABSENT_REGIONS.size());
            return absentNode(authority.root(), validity, absent.get(i), NodeRole.BUREAU, region, region.hubCode(),
                    absentEndpoint);
        }).toList());
        byte[] json = DirectoryCodec.encode(new Directory(1, live.issuedAt(), live.validUntil(), nodes, live.crl()));
        AtomicFiles.write(layout.directoryJson(), json, false);
        AtomicFiles.write(layout.directorySigned(), DirectorySigner.sign(json, authority.root()), false);
        return new BenchFederationFolder(layout, absent);
    }

    Path dir() {
        return layout.dir();
    }

    FederationLayout layout() {
        return layout;
    }

    /** The nodes to start. */
    static List<String> liveNodes() {
        List<String> codes = new ArrayList<>(List.of(HUB, SENDER));
        codes.addAll(LIVE_RECIPIENTS);
        return codes;
    }

    /** The first {@code count} recipients: the live ones first, then bureaus sealed for but not running. */
    List<String> recipients(int count) {
        List<String> all = new ArrayList<>(LIVE_RECIPIENTS);
        all.addAll(absent);
        if (count < 1 || count > all.size()) {
            throw new IllegalArgumentException("recipients from 1 to " + all.size() + ", not " + count);
        }
        return List.copyOf(all.subList(0, count));
    }

    /** Of the first {@code count} recipients, those that run and answer with a receipt. */
    static List<String> liveRecipients(int count) {
        return LIVE_RECIPIENTS.subList(0, Math.min(count, LIVE_RECIPIENTS.size()));
    }

    private static FederationSpec liveSpec(String endpoint) {
        List<NodeSpec> nodes = new ArrayList<>();
        nodes.add(new NodeSpec(HUB, NodeRole.HUB, "Bench hub", Region.EUROPE, null, List.of(), endpoint, null));
        nodes.add(bureau(SENDER, List.of("DE"), endpoint));
        nodes.add(bureau("DE", List.of(SENDER), endpoint));
        nodes.add(bureau("BE", List.of(), endpoint));
        nodes.add(bureau("NL", List.of(), endpoint));
        return new FederationSpec("ncb bench federation (generated, EXAMPLE ONLY)", nodes);
    }

    private static NodeSpec bureau(String code, List<String> links, String endpoint) {
        return new NodeSpec(code, NodeRole.BUREAU, "Bench bureau " + code, Region.EUROPE, HUB, links, endpoint, null);
    }

    /** Two-letter codes that are not the live bureaus': AA, AB... */
    private static List<String> absentCodes(int count) {
        Set<String> taken = Set.of(SENDER, "DE", "BE", "NL");
        List<String> codes = new ArrayList<>();
        for (int i = 0; codes.size() < count; i++) {
            if (i >= 26 * 26) {
                throw new IllegalArgumentException("at most " + (26 * 26 - taken.size()) + " bureaus not running");
            }
            String code = "" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
            if (!taken.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static DirectoryNode absentNode(RootAuthority root, Validity validity, String code, NodeRole role,
                                            Region region, String hub, String endpoint) {
        return new DirectoryNode(code, role, "Bench " + role.wireName() + " " + code + " (not running)", region, hub,
                List.of(), endpoint, certificate(root, validity, code, KeyPurpose.SIGNING),
                certificate(root, validity, code, KeyPurpose.ENCRYPTION));
    }

    private static String certificate(RootAuthority root, Validity validity, String code, KeyPurpose purpose) {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        String host = "127.0.0.1";
        return Pem.encode(root.issue(CertificateTemplate.forPurpose(code, purpose, keys.getPublic(), validity,
                List.of(host))));
    }
}
