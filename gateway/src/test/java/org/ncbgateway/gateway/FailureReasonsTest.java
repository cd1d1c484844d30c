package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    @Test
    void names_the_class_and_message() {
        assertThat(FailureReasons.describe(new IllegalStateException("message log of FR is closed")))
                .isEqualTo("IllegalStateException: message log of FR is closed");
    }

    @Test
    void takes_the_cause_when_the_failure_has_no_message() {
        JMSException stopped = new JMSException(null);
        stopped.initCause(new InterruptedException("sleep interrupted"));
        RuntimeException wrapped = new RuntimeException((String) null, stopped);

        assertThat(FailureReasons.describe(wrapped))
                .isEqualTo("RuntimeException (caused by InterruptedException: sleep interrupted)");
    }

    @Test
    void names_the_classes_when_no_one_says_anything() {
        assertThat(FailureReasons.describe(new RuntimeException((String) null, new InterruptedException())))
                .isEqualTo("RuntimeException (caused by InterruptedException)");
        assertThat(FailureReasons.describe(new InterruptedException())).isEqualTo("InterruptedException (no message)");
    }

    @Test
    void a_submission_reason_file_is_never_empty() {
        assertThat(FailedSubmissions.reason(new IllegalStateException(" "))).isEqualTo("IllegalStateException (no message)");
    }
}
