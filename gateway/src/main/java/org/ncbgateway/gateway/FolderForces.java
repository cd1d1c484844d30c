package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the names given in one folder durable, one force of the folder for many of them (a
 * {@link GroupForce}, as {@link GroupCommitFile} does for appends): a caller that {@link #renamed renamed} a
 * file into the folder {@link #force forces} up to its ticket. Without it a crash could lose a rename the
 * caller relied on.
 */
final class FolderForces {

    private final AtomicLong renames = new AtomicLong();
    private final GroupForce group;

    FolderForces(Path folder) {
        this.group = new GroupForce(renames::get, () -> {
            try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                channel.force(true);
            }
        });
    }

    /** Called once a rename into the folder is done; returns the ticket to {@link #force}. */
    long renamed() {
        return renames.incrementAndGet();
    }

    /** Returns once every rename up to {@code ticket} is on disk. */
    void force(long ticket) throws IOException {
        group.force(ticket);
    }

    /** Forces of the folder done so far: fewer than the renames when callers shared them. */
    long forces() {
        return group.forces();
    }
}
