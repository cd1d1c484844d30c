package org.ncbgateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ncbgateway.testing.ExampleFederation;

class DirectoryDerivedTest {

    @Test
    void derives_once_per_directory_in_force_and_again_when_another_is_put_in_force() {
        Directory first = ExampleFederation.directory();
        AtomicReference<Directory> inForce = new AtomicReference<>(first);
        AtomicInteger derivations = new AtomicInteger();
        DirectoryDerived<String> derived = new DirectoryDerived<>(inForce::get,
                directory -> derivations.incrementAndGet() + ":" + directory.nodes().size());

        assertThat(derived.get()).isEqualTo("1:" + first.nodes().size());
        assertThat(derived.get()).isEqualTo("1:" + first.nodes().size());

        Directory update = new Directory(first.version() + 1, first.issuedAt(), first.validUntil(),
                first.nodes().subList(0, 3), first.crl());
        inForce.set(update);
        assertThat(derived.get()).isEqualTo("2:3");
        assertThat(derived.get()).isEqualTo("2:3");
        assertThat(derivations).hasValue(2);
    }
}
