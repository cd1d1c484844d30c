package org.ncbgateway.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import org.ncbgateway.message.ReasonCode;

/**
 * One recipient's state for one sent message.
 *
 * @param recipient the recipient bureau's code
 * @param state pending until its receipt arrives
 * @param code the reason of a {@code rejected} receipt, else null
 * @param detail the receipt's reason detail, else null
 * @param since when the state was reached (sending, or the receipt's arrival)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecipientStatus(String recipient, RecipientState state, ReasonCode code, String detail, Instant since) {

    public RecipientStatus {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
