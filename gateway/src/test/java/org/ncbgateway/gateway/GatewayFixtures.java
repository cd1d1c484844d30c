package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ncbgateway.testing.ExampleFederation;

/** Payloads for the gateway's tests, from the contract's own valid examples. */
final class GatewayFixtures {

    private GatewayFixtures() {
    }

    static byte[] validExample(String name) throws IOException {
        return Files.readAllBytes(ExampleFederation.repositoryRoot().resolve("schemas/examples/valid").resolve(name));
    }

    static byte[] validDiffusion() throws IOException {
        return validExample("diffusion-ftf-wanted.json");
    }

    static Path examples() {
        return ExampleFederation.repositoryRoot().resolve("schemas/examples/valid");
    }
}
