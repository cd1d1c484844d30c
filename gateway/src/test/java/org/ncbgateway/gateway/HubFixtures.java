package org.ncbgateway.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.Priority;

/** Payloads and submissions for the tests of hubs and of the secretariat. */
final class HubFixtures {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private HubFixtures() {
    }

    /** The contract's foreign-fighter diffusion, issued by {@code bureau}. */
    static byte[] diffusionOf(String bureau) throws IOException {
        ObjectNode diffusion = (ObjectNode) JSON.readTree(GatewayFixtures.validDiffusion());
        diffusion.put("id", bureau + "-2026-000123");
        ((ObjectNode) diffusion.get("issuer")).put("bureau", bureau);
        diffusion.putObject("caveats").put("noOnwardTransmission", true).put("handling", "restricted");
        return JSON.writeValueAsBytes(diffusion);
    }

    static Submission diffusion(String bureau, List<String> to, List<String> excluded) throws Exception {
        return SubmissionFile.readPayload(diffusionOf(bureau), "diffusion", UUID.randomUUID(), to, excluded,
                Priority.NORMAL, Optional.empty());
    }
}
