package org.ncbgateway.cli.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.ReviewDesk;
import org.ncbgateway.gateway.ReviewItem;
import org.ncbgateway.notice.NoticeValidator;

/**
 * Plays the story on a running federation, one step at a time: each message is sent and answered by
 * every recipient that runs here before the next; the notice request is published through GS's review
 * desk, as {@code ncb review publish} does.
 */
final class DemoPlay {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    private final PrintWriter out;
    private final LocalFederation federation;
    private final DemoStory story;

    DemoPlay(PrintWriter out, LocalFederation federation, DemoStory story) {
        this.out = out;
        this.federation = federation;
        this.story = story;
    }

    void play() throws Exception {
        out.println();
        out.println("Story:");
        for (DemoStory.Step step : story.opening()) {
            send(step);
        }
        ReviewItem item = publish(story.noticeRequestId());
        for (DemoStory.Step step : story.published(item)) {
            announce(step);
            awaitAnswered(step);
        }
        send(story.hitOnNotice(item));
    }

    private void send(DemoStory.Step step) throws Exception {
        announce(step);
        federation.node(step.sender()).submit(step.submission());
        awaitAnswered(step);
    }

    private void announce(DemoStory.Step step) {
        out.println("  " + step.sender() + " sends " + step.label() + " to " + step.addressing()
                + "  [message " + step.submission().messageId() + "]");
        out.flush();
    }

    private void awaitAnswered(DemoStory.Step step) throws InterruptedException {
        ReceiptWait.untilAnswered(federation.node(step.sender()).machinery().status(), step.submission().messageId(),
                DemoStory.NODES, STEP_TIMEOUT);
    }

    /** The reviewer at GS publishes the request to all, once it waits in the review queue. */
    private ReviewItem publish(String requestId) throws Exception {
        ReviewDesk desk = ReviewDesk.of(federation.config("GS"), new NoticeValidator(), Clock.systemUTC());
        ReceiptWait.until(() -> desk.queue().find(requestId).isPresent(), () -> "request " + requestId
                + " in the review queue of GS", STEP_TIMEOUT);
        out.println("  GS reviewer publishes " + requestId + " to all  (ncb review publish)");
        return desk.publish(requestId, List.of("all"));
    }
}
