package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How a message came to be: its type and, for interaction replies, who may see it. */
final class MessageExtras {
    int type;
    String ephemeralFor;
    String interactionId;
    ObjectNode interactionMetadata;
    boolean webhook;
    boolean loading;
    /** For system messages: the thread (type 18) the notice refers to. */
    String reference;
}
