package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Objects;

/**
 * A file on a message, or one a simulated user is about to upload as a slash command option. Bytes are kept in the
 * sandbox and served from its own HTTP port at {@link #url()}.
 */
public final class SandboxAttachment {
    private final String id;
    private final String filename;
    private final String contentType;
    private final byte[] bytes;
    private final String url;
    private final String description;

    SandboxAttachment(String id, String filename, String contentType, byte[] bytes, String url, String description) {
        this.id = id;
        this.filename = filename;
        this.contentType = contentType;
        this.bytes = bytes;
        this.url = url;
        this.description = description;
    }

    /** A file a simulated user will upload (content type guessed from the name). */
    public static SandboxAttachment of(String filename, byte[] bytes) {
        return of(filename, guessType(filename), bytes);
    }

    public static SandboxAttachment of(String filename, String contentType, byte[] bytes) {
        return new SandboxAttachment(null, Objects.requireNonNull(filename), contentType, bytes.clone(), null, null);
    }

    /** The snowflake, or null for a file not uploaded yet. */
    public String id() {
        return id;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** {@code http://127.0.0.1:PORT/attachments/...}, or null for a file not uploaded yet. */
    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    public boolean isImage() {
        return contentType != null && contentType.startsWith("image/");
    }

    static String guessType(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        if (lower.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (lower.endsWith(".md") || lower.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        String guess = URLConnection.guessContentTypeFromName(filename);
        return guess == null ? "application/octet-stream" : guess;
    }

    ObjectNode json() {
        ObjectNode a = Json.object();
        a.put("id", id);
        a.put("filename", filename);
        if (description != null) {
            a.put("description", description);
        }
        a.put("content_type", contentType);
        a.put("size", bytes.length);
        a.put("url", url);
        a.put("proxy_url", url);
        return a;
    }

    @Override
    public String toString() {
        return filename + " (" + bytes.length + " bytes)";
    }
}
