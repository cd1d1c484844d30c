package org.ncbgateway.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.MessageStatus;
import org.ncbgateway.gateway.RecipientState;

/**
 * Checks the outcome of the story: every addressee delivered exactly the payloads addressed to it, byte
 * for byte, and nothing else; every issuer holds a {@code delivered} receipt from every recipient that runs
 * here, and no receipt from the others (their copies wait at the hubs).
 * Returns the problems found, none when the demo succeeded.
 */
final class DemoVerdict {

    private DemoVerdict() {
    }

    static List<String> problems(LocalFederation federation, DemoStory story) throws IOException {
        List<String> problems = new ArrayList<>();
        Directory directory = federation.node(DemoStory.NODES.get(0)).machinery().directory();
        for (Map.Entry<String, List<DemoStory.Step>> expected : story.expectedDeliveries(directory).entrySet()) {
            checkDeliveries(federation.config(expected.getKey()).deliveryDir(), expected.getKey(), expected.getValue(),
                    problems);
        }
        for (DemoStory.Step step : story.steps()) {
            MessageStatus status = federation.node(step.sender()).machinery().status()
                    .find(step.submission().messageId()).orElse(null);
            if (status == null) {
                problems.add(step.sender() + " has no delivery status for " + step.label());
            } else {
                checkReceipts(step, status, step.recipients(directory), problems);
            }
        }
        return problems;
    }

    /** Running recipients answered delivered; the others are pending, their copies waiting at the hubs. */
    private static void checkReceipts(DemoStory.Step step, MessageStatus status, List<String> recipients,
                                      List<String> problems) {
        Map<String, RecipientState> states = new TreeMap<>();
        status.recipients().forEach(r -> states.put(r.recipient(), r.state()));
        if (!states.keySet().equals(new TreeSet<>(recipients))) {
            problems.add(step.sender() + ": " + step.label() + " went to " + states.keySet() + ", not to "
                    + recipients);
        }
        states.forEach((recipient, state) -> {
            RecipientState wanted = DemoStory.NODES.contains(recipient) ? RecipientState.DELIVERED
                    : RecipientState.PENDING;
            if (state != wanted) {
                problems.add(step.sender() + ": " + step.label() + " is " + state.wireName() + " at " + recipient
                        + ", expected " + wanted.wireName());
            }
        });
    }

    private static void checkDeliveries(Path folder, String node, List<DemoStory.Step> expected, List<String> problems)
            throws IOException {
        Set<String> present = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(present::add);
            }
        }
        for (DemoStory.Step step : expected) {
            String name = step.sender() + "-" + step.submission().kind().wireName() + "-"
                    + step.submission().messageId() + ".json";
            if (!present.remove(name)) {
                problems.add(node + " did not deliver " + step.label());
            } else if (!Arrays.equals(Files.readAllBytes(folder.resolve(name)), step.submission().payload())) {
                problems.add(node + " delivered " + step.label() + " with other bytes than " + step.sender() + " sent");
            }
        }
        present.forEach(extra -> problems.add(node + " delivered something not addressed to it: " + extra));
    }
}
