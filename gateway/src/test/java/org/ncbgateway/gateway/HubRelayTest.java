package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.audit.MessageLog;
import org.ncbgateway.crypto.MessageOpener;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.crypto.OuterVerifier;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.routing.RecipientResolver;
import org.ncbgateway.routing.RelayCheck;
import org.ncbgateway.testing.ExampleFederation;

/** A hub's relay step on messages sealed with the example federation's keys. */
class HubRelayTest {

    private final Directory directory = ExampleFederation.directory();
    private final Clock clock = Clock.systemUTC();

    @TempDir
    Path dir;

    /** NG's diffusion to region:EUROPE minus IT, sealed for its final recipients. */
    private byte[] sealedRegionDiffusion() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        MessageHeader header = new MessageHeader(UUID.randomUUID(), MessageKind.DIFFUSION, "NG",
                List.of("region:EUROPE"), List.of("IT"), now, now.plusSeconds(3600), null, Priority.NORMAL);
        List<X509Certificate> recipients = RecipientResolver.resolve(directory, header).stream()
                .map(n -> ExampleFederation.certificate(n.code(), KeyPurpose.ENCRYPTION)).toList();
        return new MessageSealer(ExampleFederation.credentials("NG")).seal(header, HubFixtures.diffusionOf("NG"),
                recipients);
    }

    private HubRelay hub(String code, MessageLog log) {
        return new HubRelay(code, new OuterVerifier(ExampleFederation.trust(), clock),
                new RelayCheck(code, () -> directory, clock), log);
    }

    @Test
    void relays_to_the_region_bureaus_but_the_excluded_one_and_logs_each_hop() throws Exception {
        try (MessageLog log = MessageLog.open(dir.resolve("log"), "HUB-EUROPE")) {
            HubRelay hub = hub("HUB-EUROPE", log);
            Relay relay = hub.relayed(hub.inspect(sealedRegionDiffusion()));

            assertThat(relay.plan().visited()).containsExactly("NG", "HUB-AFRICA", "HUB-EUROPE");
            assertThat(relay.dispatches()).extracting(w -> w.nextHop().orElseThrow())
                    .containsExactly("BE", "DE", "ES", "FR", "NL");
        }
    }

    @Test
    void a_forged_header_that_adds_a_recipient_fails_the_outer_signature() throws Exception {
        byte[] wire = sealedRegionDiffusion();
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("\"excluded\":[\"IT\"]");
        byte[] forged = text.replace("\"excluded\":[\"IT\"]", "\"excluded\":[\"NG\"]")
                .getBytes(StandardCharsets.ISO_8859_1);

        try (MessageLog log = MessageLog.open(dir.resolve("log"), "HUB-AFRICA")) {
            assertThatThrownBy(() -> hub("HUB-AFRICA", log).inspect(forged))
                    .isInstanceOfSatisfying(RejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ReasonCode.SIGNATURE_INVALID);
                        assertThat(e.header()).isEmpty();
                    });
        }
    }

    @Test
    void a_hub_holds_no_key_that_opens_the_payload_it_relays() throws Exception {
        byte[] wire = sealedRegionDiffusion();
        MessageOpener asIfAddressed = new MessageOpener(ExampleFederation.credentials("HUB-EUROPE"),
                ExampleFederation.trust(), header -> true, id -> false, new NoticeValidator(), clock);

        assertThatThrownBy(() -> asIfAddressed.open(wire))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ReasonCode.DECRYPT_FAILED));
        MessageOpener recipient = new MessageOpener(ExampleFederation.credentials("NL"), ExampleFederation.trust(),
                header -> true, id -> false, new NoticeValidator(), clock);
        assertThat(StrictJson.mapper().readTree(recipient.open(wire).payload()))
                .isInstanceOfSatisfying(ObjectNode.class, p -> assertThat(p.path("issuer").path("bureau").asText())
                        .isEqualTo("NG"));
    }

    @Test
    void refuses_a_message_whose_route_does_not_pass_through_it() throws Exception {
        try (MessageLog log = MessageLog.open(dir.resolve("log"), "HUB-ASIA")) {
            assertThatThrownBy(() -> hub("HUB-ASIA", log).inspect(sealedRegionDiffusion()))
                    .isInstanceOfSatisfying(RejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ReasonCode.NOT_ADDRESSED);
                        assertThat(e.header()).isPresent();
                    });
        }
    }
}
