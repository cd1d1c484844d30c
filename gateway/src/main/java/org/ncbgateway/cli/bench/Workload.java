package org.ncbgateway.cli.bench;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionException;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;

/**
 * One kind of traffic: a payload sent to a list of bureaus, of which {@code live} answer. The payload is
 * read once; each message is a copy with a new message id, as the national systems would submit it.
 */
record Workload(String name, byte[] payload, List<String> recipients, List<String> live, Submission template) {

    static Workload of(String name, byte[] payload, List<String> recipients, List<String> live)
            throws SubmissionException {
        Submission template = SubmissionFile.readPayload(payload, "bench " + name, UUID.randomUUID(), recipients,
                List.of(), Priority.NORMAL, Optional.empty());
        return new Workload(name, payload, List.copyOf(recipients), List.copyOf(live), template);
    }

    Submission next() {
        return new Submission(UUID.randomUUID(), template.kind(), template.payloadId(), template.to(),
                template.excluded(), template.priority(), template.inReplyTo(), template.payload());
    }
}
