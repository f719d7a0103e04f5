package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** A validated message body about to be stored (create or edit). */
final class MessageDraft {
    String content;
    ArrayNode embeds;
    ArrayNode components;
    int flags;
    boolean flagsGiven;
    JsonNode allowedMentions;
    List<SandboxAttachment> attachments = new ArrayList<>();
    String replyTo;
    String nonce;
    boolean enforceNonce;
    boolean tts;
}
