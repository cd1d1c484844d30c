package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupForceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final AtomicLong tickets = new AtomicLong();
    private final AtomicInteger started = new AtomicInteger();
    private final CountDownLatch firstForce = new CountDownLatch(1);
    private final CountDownLatch secondForce = new CountDownLatch(1);
    private final GroupForce group = new GroupForce(tickets::get, () -> {
        CountDownLatch release = started.incrementAndGet() == 1 ? firstForce : secondForce;
        try {
            if (!release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("force never released");
            }
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    });

    @Test
    void a_caller_covered_by_a_running_force_returns_when_it_ends_not_after_the_force_a_later_caller_starts()
            throws Exception {
        long first = tickets.incrementAndGet();
        long covered = tickets.incrementAndGet();
        Caller forcing = new Caller(first);
        await().atMost(PATIENCE).until(() -> started.get() == 1);
        Caller coveredCaller = new Caller(covered);
        Caller later = new Caller(tickets.incrementAndGet());
        await().atMost(PATIENCE).until(() -> coveredCaller.waiting() && later.waiting());

        firstForce.countDown();

        await().atMost(PATIENCE).until(() -> started.get() == 2);
        coveredCaller.done.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        forcing.done.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(later.done).isNotDone();
        secondForce.countDown();
        later.done.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(group.forces()).isEqualTo(2);
    }

    @Test
    void a_failed_force_fails_its_caller_and_the_next_caller_forces_again() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GroupForce failingOnce = new GroupForce(tickets::get, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("disk gone");
            }
        });
        long ticket = tickets.incrementAndGet();

        assertThat(CompletableFuture.runAsync(() -> {
            try {
                failingOnce.force(ticket);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })).failsWithin(PATIENCE).withThrowableOfType(Exception.class).withMessageContaining("disk gone");
        failingOnce.force(ticket);

        assertThat(calls).hasValue(2);
        assertThat(failingOnce.forces()).isEqualTo(1);
    }

    /** A thread forcing up to its ticket. */
    private final class Caller {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final Thread thread;

        Caller(long ticket) {
            thread = new Thread(() -> {
                try {
                    group.force(ticket);
                    done.complete(null);
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        boolean waiting() {
            Thread.State state = thread.getState();
            return state == Thread.State.WAITING || state == Thread.State.BLOCKED;
        }
    }
}
