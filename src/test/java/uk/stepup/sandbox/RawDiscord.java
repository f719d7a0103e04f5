package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain HTTP calls with the bot token, for rules JDA would already refuse client-side. */
final class RawDiscord {
    record Reply(int status, JsonNode body, okhttp3.Headers headers) {}

    private static final OkHttpClient HTTP = new OkHttpClient();
    private final Sandbox sb;

    RawDiscord(Sandbox sb) {
        this.sb = sb;
    }

    Reply send(String method, String path, String json) {
        RequestBody body = json == null
                ? (method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0]))
                : RequestBody.create(json, MediaType.get("application/json"));
        Request request = new Request.Builder()
                .url(sb.restBaseUrl() + path)
                .header("Authorization", "Bot " + sb.botToken())
                .method(method, body)
                .build();
        try (Response r = HTTP.newCall(request).execute()) {
            String text = r.body().string();
            return new Reply(r.code(), text.isEmpty() ? null : Json.parse(text), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] download(String url) {
        try (Response r = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
