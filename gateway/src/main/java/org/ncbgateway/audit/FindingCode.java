package org.ncbgateway.audit;

/** What an auditor found wrong; each finding names its entry and says why. */
public enum FindingCode {
    /** A segment does not start with the magic. */
    SEGMENT_INVALID,
    /** A record cannot be read (its length is impossible) and more bytes follow. */
    RECORD_UNREADABLE,
    /** The last record is incomplete: a crash cut its write short (recovered when the node reopens the log). */
    TORN_TAIL,
    /** An entry's bytes no longer hash to its stored entry hash: the entry was altered. */
    ENTRY_ALTERED,
    /** An entry's previous hash is not the hash of the entry before it. */
    CHAIN_BROKEN,
    /** An entry that the chain continues without: it was inserted. */
    ENTRY_INSERTED,
    /** A sequence number is missing from the chain. */
    ENTRY_MISSING,
    /** An entry comes after a later one. */
    ENTRY_REORDERED,
    /** A body that does not follow the format, or meta that breaks its rules. */
    ENTRY_MALFORMED,
    /** A seal whose statement does not match its place in the chain. */
    SEAL_MISMATCH,
    /** A seal whose CMS signature or certificate does not verify, or that another node signed. */
    SEAL_INVALID,
    /** A countersignature that does not verify or does not match the chain. */
    WITNESS_INVALID,
    /** A witness holds a countersigned head that this log contradicts (rewritten) or no longer has (truncated). */
    WITNESS_DISAGREES,
    /** A message event whose wire signature or certificates do not verify as they stood at the time. */
    MESSAGE_INVALID,
    /** A message sent or relayed to a node whose log is given, never received there. */
    SENT_NOT_RECEIVED
}
